import FinchEngine

/// Unlabeled text to pre-train on: a name and the text.
public struct Corpus: Equatable, Sendable {
    /// A name for messages and displays (a file's name, a built-in name).
    public var name: String
    /// The whole text.
    public var text: String

    /// A corpus from its parts.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The texts of a data set, one per line (its labels are left out), as a corpus.
    public init(_ dataset: Dataset) throws(DataError) {
        guard let texts = dataset.texts else { throw .wrongInputs(name: dataset.name, needs: "texts") }
        self.init(name: dataset.name, text: texts.joined(separator: "\n"))
    }

    /// Reads the UTF-8 text file at `path` (inflated first if its name ends in `.gz`); the
    /// corpus is named after the file. Stops with ``DataError/cancelled`` when `cancellation`
    /// is requested.
    public static func load(path: String, cancellation: Cancellation = .never) throws(DataError) -> Corpus {
        let text = try decodeUTF8(readBytes(path: path, cancellation: cancellation), path: path, cancellation: cancellation)
        return Corpus(name: path.split(separator: "/").last.map(String.init) ?? path, text: text)
    }
}
