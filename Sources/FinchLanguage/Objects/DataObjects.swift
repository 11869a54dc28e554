import FinchData
import FinchDisplay

/// A data set as a value: the data layer's data set (feature rows or texts, labels, class names).
final class DatasetObject: FinchObject {
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
        if standardSplit == nil {
            do throws(DataError) {
                standardSplit = try dataset.split([80, 10, 10], stratify: dataset.labels != nil, seed: splitSeed)
            } catch {
                throw FinchError(.value, error.description, at: range)
            }
        }
        var part = standardSplit![index]
        part.name = dataset.name + "." + ["train", "val", "test"][index]
        return .wrap(DatasetObject(part, splitSeed: splitSeed))
    }

    /// The data set's name, e.g. `digits` or `reviews (part 1 of 2)`.
    var name: String { dataset.name }

    var typeName: String { "dataset" }

    var text: String {
        // Written without Optional.map: that form crashes Swift 6.3.1's release optimiser (CopyPropagation).
        var kind = "texts"
        if let width = dataset.width { kind = String(width) + " features" }
        let labels = dataset.labels == nil ? "unlabelled" : String(dataset.classNames.count) + " classes"
        return "dataset " + name + ": " + String(dataset.count) + " examples, " + kind + ", " + labels
    }

    var bundle: MimeBundle {
        let table = Table(columns: ["class", Column("examples", format: .count)],
                          rows: zip(dataset.classNames, dataset.classCounts).map { [.text($0), .number(Double($1))] },
                          caption: text)
        return table.bundle(width: 100)
    }

    var properties: [Property] {
        [
            Property("classes", "the class names") { _ in .list(self.dataset.classNames.map(Value.string)) },
            Property("features", "the number of features of each example (0 for text)") { _ in .number(Double(self.dataset.width ?? 0)) },
            Property("labels", "the class id of every example") { _ in .list((self.dataset.labels ?? []).map { .number(Double($0)) }) },
            Property("length", "the number of examples") { _ in .number(Double(self.dataset.count)) },
            Property("name", "the data set's name") { _ in .string(self.name) },
            Property("standardize", "whether a model first trained on its features standardises them") { _ in
                .bool(self.dataset.standardize && self.dataset.width != nil)
            },
            Property("train", "80% of the examples: the training part of a seeded stratified 80/10/10 split") { range throws(FinchError) in
                try self.standardPart(0, at: range)
            },
            Property("val", "10% of the examples: the validation part of the same split") { range throws(FinchError) in
                try self.standardPart(1, at: range)
            },
            Property("test", "10% of the examples: the test part of the same split") { range throws(FinchError) in
                try self.standardPart(2, at: range)
            },
        ] + (dataset.texts.map { texts in
            [Property("texts", "the text of every example") { _ in .list(texts.map(Value.string)) }]
        } ?? [])
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
