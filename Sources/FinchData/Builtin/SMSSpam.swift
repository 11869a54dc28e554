/// The `sms_spam` data set: the SMS Spam Collection v.1, 5,574 English SMS messages labelled `ham`
/// or `spam` (UCI; T. A. Almeida and J. M. Gómez Hidalgo, 2011; CC BY 4.0). 13% are spam.
///
/// Read from `sms_spam.tsv.gz` in the data folder: per line `ham` or `spam`, a tab, the message;
/// no header.
enum SMSSpam {
    /// The data file's name in the data folder.
    static let fileName = "sms_spam.tsv.gz"
    /// The class names, in class order.
    static let classNames = ["ham", "spam"]

    /// The data set, read from `folder`.
    static func load(folder: String) throws(DataError) -> Dataset {
        let path = folder + "/" + fileName
        let text: String
        do { text = try decodeUTF8(readBytes(path: path), path: path) } catch {
            guard case let .unreadableFile(_, reason) = error else { throw error }
            throw .builtinFileMissing(name: "sms_spam", path: path, reason: reason)
        }
        var messages: [String] = [], labels: [Int] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            guard let tab = line.firstIndex(of: "\t"), let label = classNames.firstIndex(of: String(line[..<tab])) else {
                throw .csvSyntax(path: path, line: number + 1, column: 1,
                                 message: "expected 'ham' or 'spam', a tab, then the message; the file is damaged, so restore it from Finch's sources")
            }
            messages.append(String(line[line.index(after: tab)...]))
            labels.append(label)
        }
        return try Dataset(name: "sms_spam", texts: messages, labels: labels, classNames: classNames)
    }

    /// The messages outside the data set's standard test split, one per line, to pre-train on
    /// without seeing a test message.
    static func corpus(folder: String) throws(DataError) -> Corpus {
        let parts = try load(folder: folder).standardSplit(seed: BuiltinData.standardSplitSeed)
        let texts = (parts[0].texts ?? []) + (parts[1].texts ?? [])
        return Corpus(name: "sms_spam", text: texts.joined(separator: "\n"))
    }
}
