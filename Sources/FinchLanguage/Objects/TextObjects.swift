import FinchData
import FinchDisplay

/// A corpus (text for pre-training) as a value.
final class CorpusObject: FinchObject {
    /// The text and its name.
    let corpus: Corpus

    /// A corpus value.
    init(_ corpus: Corpus) { self.corpus = corpus }

    var typeName: String { "corpus" }
    var text: String { "corpus \(corpus.name): \(corpus.text.count) characters" }
    var bundle: MimeBundle { MimeBundle(plainText: text + "\n" + String(corpus.text.prefix(300))) }

    var properties: [Property] {
        [
            Property("length", "the number of characters") { _ in .number(Double(self.corpus.text.count)) },
            Property("name", "the corpus's name") { _ in .string(self.corpus.name) },
            Property("text", "the whole text") { _ in .string(self.corpus.text) },
        ]
    }
}

/// A tokenizer as a value.
final class TokenizerObject: FinchObject {
    /// The tokenizer.
    let tokenizer: Tokenizer

    /// A tokenizer value.
    init(_ tokenizer: Tokenizer) { self.tokenizer = tokenizer }

    var typeName: String { "tokenizer" }
    var text: String { "tokenizer (\(tokenizer.kind.rawValue)): \(tokenizer.size) tokens" }
    var bundle: MimeBundle { MimeBundle(plainText: text) }

    var properties: [Property] {
        [
            Property("kind", "characters or words") { _ in .string(self.tokenizer.kind.rawValue) },
            Property("size", "the vocabulary size, special tokens included") { _ in .number(Double(self.tokenizer.size)) },
            Property("tokens", "every token, in id order") { _ in .list(self.tokenizer.vocabulary.map(Value.string)) },
        ]
    }
}
