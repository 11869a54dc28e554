#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FinchDisplay

/// The result of `evaluate` on a language model: how well it predicts each next token of a text,
/// as mean cross-entropy, perplexity, bits per token and, for a corpus, bits per character.
final class LanguageModelEvaluationObject: FinchObject {
    /// The model evaluated.
    let modelName: String
    /// The text it was evaluated on.
    let dataName: String
    /// Mean cross-entropy per predicted token, in nats.
    let loss: Double
    /// Tokens predicted.
    let tokens: Int
    /// Characters per token of the text, when it was read from a corpus.
    let charactersPerToken: Double?

    /// An evaluation; see the properties.
    init(modelName: String, dataName: String, loss: Double, tokens: Int, charactersPerToken: Double?) {
        self.modelName = modelName
        self.dataName = dataName
        self.loss = loss
        self.tokens = tokens
        self.charactersPerToken = charactersPerToken
    }

    /// e to the loss: the number of tokens the model is as unsure between as a uniform guess.
    var perplexity: Double { exp(loss) }
    /// The loss in bits.
    var bitsPerToken: Double { loss / log(2) }
    /// The loss in bits per character of the text, comparable across tokenizers.
    var bitsPerCharacter: Double? { charactersPerToken.map { bitsPerToken / $0 } }

    var typeName: String { "evaluation" }

    var text: String {
        let number = NumberFormat.standard
        var parts = ["\(modelName) on \(dataName): loss \(number.string(loss)) per token", "perplexity \(number.string(perplexity))",
                     "\(number.string(bitsPerToken)) bits per token"]
        if let bitsPerCharacter { parts.append("\(number.string(bitsPerCharacter)) bits per character") }
        return parts.joined(separator: ", ") + " (\(NumberFormat.count.string(tokens)) tokens)"
    }

    var bundle: MimeBundle {
        let columns: [Column] = ["loss", "perplexity", "bits per token", "bits per character", Column("tokens", format: .count)]
        let row: [Cell] = [.number(loss), .number(perplexity), .number(bitsPerToken), bitsPerCharacter.map(Cell.number) ?? .empty,
                           .number(Double(tokens))]
        return Table(columns: columns, rows: [row], caption: "\(modelName) on \(dataName): next-token prediction").bundle(width: 100)
    }

    var properties: [Property] {
        [
            Property("bits_per_char", "the loss in bits per character of the text (none for tokens without their text)") { _ in
                self.bitsPerCharacter.map(Value.number) ?? .none
            },
            Property("bits_per_token", "the loss in bits per token") { _ in .number(self.bitsPerToken) },
            Property("loss", "the mean cross-entropy per predicted token, in nats") { _ in .number(self.loss) },
            Property("perplexity", "e to the loss") { _ in .number(self.perplexity) },
            Property("tokens", "how many tokens were predicted") { _ in .number(Double(self.tokens)) },
        ]
    }
}
