import FinchData
import FinchDisplay

/// A data set as a value: the data layer's data set (feature rows or texts, labels, class names).
final class DatasetObject: DocumentedObject {
    /// The data set.
    let dataset: Dataset
    /// The seed of the standard split that `.train`, `.val` and `.test` read.
    let splitSeed: UInt64
    /// The standard split, made when first read.
    private var standardSplit: [Dataset]?

    /// A data set value; `splitSeed` seeds its standard split.
    init(_ dataset: Dataset, splitSeed: UInt64 = 0) {
        self.dataset = dataset
        self.splitSeed = splitSeed
    }

    /// The part `index` (0: train, 1: val, 2: test) of a seeded stratified 80/10/10 split,
    /// named `NAME.train` and so on.
    private func standardPart(_ index: Int, at range: SourceRange) throws(FinchError) -> Value {
        var part = try standardParts(at: range)[index]
        part.name = dataset.name + "." + ["train", "val", "test"][index]
        return .wrap(DatasetObject(part, splitSeed: splitSeed))
    }

    /// The standard split's train, val and test parts; errors point at `range`.
    func standardParts(at range: SourceRange) throws(FinchError) -> [Dataset] {
        if standardSplit == nil {
            do throws(DataError) {
                standardSplit = try dataset.standardSplit(seed: splitSeed)
            } catch {
                throw FinchError(EngineRefusal.data(error), at: range)
            }
        }
        return standardSplit ?? []
    }

    /// The data set's name, e.g. `digits` or `reviews (part 1 of 2)`.
    var name: String { dataset.name }

    var typeName: String { "dataset" }

    var text: String {
        // Written without Optional.map: that form crashes Swift 6.3.1's release optimiser (CopyPropagation).
        var kind = "texts"
        if let width = dataset.width { kind = String(width) + " features" }
        var labels = dataset.labels == nil ? "unlabelled" : String(dataset.classNames.count) + " classes"
        if dataset.labels != nil, !dataset.labelName.isEmpty { labels += " (label column '" + dataset.labelName + "')" }
        if dataset.targets != nil { labels = "target " + dataset.targetName }
        return "dataset " + name + ": " + String(dataset.count) + " examples, " + kind + ", " + labels
    }

    /// The examples per class, the range of a numeric target, or (unlabelled) the one line.
    var bundle: MimeBundle {
        if let targets = dataset.targets, let low = targets.min(), let high = targets.max() {
            let mean = targets.reduce(0) { $0 + Double($1) } / Double(targets.count)
            let table = Table(columns: ["target", "mean", "min", "max"],
                              rows: [[.text(dataset.targetName), .number(mean), .number(Double(low)), .number(Double(high))]], caption: text)
            return table.bundle(width: 100)
        }
        guard dataset.labels != nil else { return MimeBundle(plainText: text) }
        let table = Table(columns: ["class", Column("examples", format: .count)],
                          rows: zip(dataset.classNames, dataset.classCounts).map { [.text($0), .number(Double($1))] },
                          caption: text)
        return table.bundle(width: 100)
    }

    static var helpTopic: (title: String, names: [String]) { ("a data set", ["data", "dataset"]) }

    static var propertyTable: [ObjectProperty<DatasetObject>] {
        [
            ObjectProperty("classes", "the class names") { data, _ in .list(data.dataset.classNames.map(Value.string)) },
            ObjectProperty("features", "the number of features of each example (0 for text)") { data, _ in .number(Double(data.dataset.width ?? 0)) },
            ObjectProperty("label_column", "the CSV column the labels were read from (none for built-in data or no labels)") { data, _ in
                data.dataset.labelName.isEmpty ? .none : .string(data.dataset.labelName)
            },
            ObjectProperty("labels", "the class id of every example") { data, _ in .list((data.dataset.labels ?? []).map { .number(Double($0)) }) },
            ObjectProperty("length", "the number of examples") { data, _ in .number(Double(data.dataset.count)) },
            ObjectProperty("name", "the data set's name") { data, _ in .string(data.name) },
            ObjectProperty("standardize", "whether a model first trained on its features standardises them") { data, _ in
                .bool(data.dataset.standardize && data.dataset.width != nil)
            },
            ObjectProperty("train", "80% of the examples: the training part of a seeded stratified 80/10/10 split") { data, range throws(FinchError) in
                try data.standardPart(0, at: range)
            },
            ObjectProperty("val", "10% of the examples: the validation part of the same split") { data, range throws(FinchError) in
                try data.standardPart(1, at: range)
            },
            ObjectProperty("test", "10% of the examples: the test part of the same split") { data, range throws(FinchError) in
                try data.standardPart(2, at: range)
            },
            ObjectProperty("targets", "the number to predict of every example (a data set loaded with target:)") { data, range throws(FinchError) in
                guard let targets = data.dataset.targets else {
                    throw FinchError(DataReadingFailure.noTargets(data: data.name), at: range)
                }
                return .list(targets.map { .number(Double($0)) })
            },
            ObjectProperty("texts", "the text of every example (a data set of texts)") { data, range throws(FinchError) in
                guard let texts = data.dataset.texts else {
                    throw FinchError(DataReadingFailure.notTexts(data: data.name), at: range)
                }
                return .list(texts.map(Value.string))
            },
        ]
    }
}

/// A stream of token ids, such as a tokenized corpus, for language-model pre-training.
struct TokenStream {
    /// The ids, in text order.
    var ids: [Int32]
    /// The vocabulary size; every id is below it.
    var vocabulary: Int
}

/// A stream of token ids as a value, for language-model pre-training.
final class TokensObject: FinchObject {
    /// Where the tokens came from.
    let name: String
    /// The tokens.
    let stream: TokenStream

    /// A token stream value.
    init(name: String, stream: TokenStream) {
        self.name = name
        self.stream = stream
    }

    var typeName: String { "tokens" }
    var text: String { "tokens \(name): \(stream.ids.count) tokens, vocabulary \(stream.vocabulary)" }
    var bundle: MimeBundle { MimeBundle(plainText: text) }

    var properties: [Property] {
        [
            Property("length", "the number of tokens") { _ in .number(Double(self.stream.ids.count)) },
            Property("size", "the vocabulary size") { _ in .number(Double(self.stream.vocabulary)) },
        ]
    }
}
