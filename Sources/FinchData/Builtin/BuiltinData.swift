import FinchEngine

/// Data that comes with Finch: real (`digits`, `sms_spam`) and synthetic (`reviews`, `spirals`).
public enum BuiltinData {
    /// Every built-in name, data sets and corpora.
    public static let names = ["digits", "reviews", "sms_spam", "spirals"]
    /// The names that also exist as an unlabeled text corpus.
    public static let corpusNames = ["reviews", "sms_spam"]
    /// The real data sets, whose standard split is the same in every session (drawn with
    /// ``standardSplitSeed``), as a benchmark's test set is; synthetic ones follow the session's seed.
    public static let realNames = ["digits", "sms_spam"]
    /// The seed of the standard split of the real data sets; `corpus "sms_spam"` leaves out the
    /// test part of this split.
    public static let standardSplitSeed: UInt64 = 0

    /// Reviews in the `reviews` corpus (about 300 KB of text).
    static let corpusReviews = 3500
    /// Labeled reviews in the `reviews` data set, half of each class.
    static let labeledReviews = 2000

    /// One line about the built-in `name`, or nil when there is none.
    public static func summary(of name: String) -> String? {
        switch name {
        case "digits": "1797 hand-written digits, 8×8 pixels scaled to 0…1, classes 0–9 (UCI, Alpaydin & Kaynak 1998, CC BY 4.0)"
        case "reviews": "synthetic product reviews: a corpus of \(corpusReviews) unlabeled reviews and a data set of \(labeledReviews) labeled negative/positive"
        case "sms_spam": "5574 SMS messages, 13% spam, classes ham and spam; the corpus leaves out the standard test split (UCI, Almeida & Gómez Hidalgo 2011, CC BY 4.0)"
        case "spirals": "600 points on three interleaved spiral arms, features x and y, classes a, b, c (synthetic)"
        default: nil
        }
    }

    /// The folder the data files are read from: `$FINCH_DATA`, else `share/finch/data` beside an
    /// installed binary, else `data` in Finch's source tree (see `dataFolder`).
    public static var folder: String { dataFolder() }

    /// The built-in data set `name`; synthetic ones are drawn with `seed` (real ones ignore it).
    public static func dataset(named name: String, seed: UInt64 = 0) throws(DataError) -> Dataset {
        switch name {
        case "digits": return try Digits.load(folder: folder)
        case "reviews":
            var generator = ReviewsGenerator(seed: seed ^ datasetSalt)
            let (texts, labels) = generator.labeled(reviews: labeledReviews)
            return try Dataset(name: "reviews", texts: texts, labels: labels, classNames: ["negative", "positive"])
        case "sms_spam": return try SMSSpam.load(folder: folder)
        case "spirals": return try Spirals.generate(seed: seed)
        default: throw unknown(name)
        }
    }

    /// The built-in text corpus `name`, drawn with `seed`.
    public static func corpus(named name: String, seed: UInt64 = 0) throws(DataError) -> Corpus {
        switch name {
        case "reviews":
            var generator = ReviewsGenerator(seed: seed ^ corpusSalt)
            return Corpus(name: "reviews", text: generator.corpus(reviews: corpusReviews))
        case "sms_spam": return try SMSSpam.corpus(folder: folder)
        case _ where names.contains(name): throw .notACorpus(name: name, corpora: corpusNames)
        default: throw unknown(name)
        }
    }

    /// Keep the corpus and the labeled data set different draws of the same language.
    private static let corpusSalt: UInt64 = 0x636F_7270_7573, datasetSalt: UInt64 = 0x6C61_6265_6C73

    /// The error for a name that is not built in.
    private static func unknown(_ name: String) -> DataError {
        .unknownBuiltin(name: name, suggestion: Suggestion.closest(to: name, in: names), available: names)
    }
}
