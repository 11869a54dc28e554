import FinchData
import FinchDisplay

/// A data set as a value: examples, their labels and class names.
final class DatasetObject: FinchObject {
    /// The data set's name, e.g. `digits` or `digits.train`.
    let name: String
    /// The examples.
    let examples: Examples
    /// The data layer's data set it came from, for splitting and sampling.
    let source: Dataset?

    /// A data set value.
    init(name: String, examples: Examples, source: Dataset? = nil) {
        self.name = name
        self.examples = examples
        self.source = source
    }

    /// A data set value from the data layer's numeric data set; text data sets are refused at
    /// `range` until the language tokenizes them.
    convenience init(_ dataset: Dataset, at range: SourceRange) throws(FinchError) {
        guard case .features(let values, let width) = dataset.inputs else {
            throw FinchError(.value, "\(dataset.name) holds texts; text data sets are not supported by the training commands yet", at: range)
        }
        let rows = stride(from: 0, to: values.count, by: max(width, 1)).map { Array(values[$0..<($0 + width)]) }
        self.init(name: dataset.name, examples: Examples(inputs: .features(rows), labels: dataset.labels, classNames: dataset.classNames),
                  source: dataset)
    }

    var typeName: String { "dataset" }

    var text: String {
        let kind = examples.width > 0 ? "\(examples.width) features" : "token sequences"
        let labels = examples.labels == nil ? "unlabelled" : "\(examples.classNames.count) classes"
        return "dataset \(name): \(examples.count) examples, \(kind), \(labels)"
    }

    var bundle: MimeBundle {
        var counts = Array(repeating: 0, count: examples.classNames.count)
        for label in examples.labels ?? [] where label < counts.count { counts[label] += 1 }
        let table = Table(columns: ["class", Column("examples", format: .count)],
                          rows: zip(examples.classNames, counts).map { [.text($0), .number(Double($1))] },
                          caption: text)
        return table.bundle(width: 100)
    }

    var properties: [Property] {
        [
            Property("classes", "the class names") { _ in .list(self.examples.classNames.map(Value.string)) },
            Property("features", "the number of features of each example (0 for text)") { _ in .number(Double(self.examples.width)) },
            Property("labels", "the class id of every example") { _ in .list((self.examples.labels ?? []).map { .number(Double($0)) }) },
            Property("length", "the number of examples") { _ in .number(Double(self.examples.count)) },
            Property("name", "the data set's name") { _ in .string(self.name) },
        ]
    }
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
