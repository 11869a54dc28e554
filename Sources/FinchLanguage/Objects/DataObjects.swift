import FinchData
import FinchDisplay

/// A data set as a value: the data layer's data set (feature rows or texts, labels, class names).
final class DatasetObject: FinchObject {
    /// The data set.
    let dataset: Dataset

    /// A data set value.
    init(_ dataset: Dataset) { self.dataset = dataset }

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
