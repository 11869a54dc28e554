import FinchEngine

/// What `generate` cannot continue: a model without an lm head, a prompt it cannot read, and
/// sampling settings that contradict each other or the prompt.
enum GenerationCommandFailure: LanguageFailure, Equatable, Sendable {
    /// `model` has a `head` head, not `lm`.
    case notALanguageModel(model: String, head: HeadKind)
    /// A text prompt for `model`, which has no tokenizer.
    case noTokenizer(model: String)
    /// Token ids outside a vocabulary of `vocabulary` tokens.
    case tokenOutOfRange(vocabulary: Int)
    /// A prompt of type `type`.
    case promptType(type: String)
    /// `top_p: 0`.
    case topPZero
    /// `logprobs:` with more than one sample.
    case logprobsOfSamples
    /// `stop:` with a prompt of token ids.
    case stopAfterTokenIDs
    /// An empty stop string.
    case emptyStop

    /// A type error for the prompt's type, argument errors for settings that do not go together,
    /// value errors otherwise.
    var kind: ErrorKind {
        switch self {
        case .promptType: .type
        case .logprobsOfSamples, .stopAfterTokenIDs: .argument
        case .notALanguageModel, .noTokenizer, .tokenOutOfRange, .topPZero, .emptyStop: .value
        }
    }

    /// What cannot be generated from.
    var message: String {
        switch self {
        case let .notALanguageModel(model, head): "\(model) has a \(head.rawValue) head; generating needs an lm head"
        case .noTokenizer(let model): "\(model) has no tokenizer to read text; pretrain it with tokenizer:, or give token ids"
        case .tokenOutOfRange(let vocabulary): "the prompt must be token ids from 0 to \(vocabulary - 1)"
        case .promptType(let type): "the prompt must be a list of token ids (text prompts need the model's tokenizer), not \(type)"
        case .topPZero: "'top_p' must be above 0 (1 keeps every token)"
        case .logprobsOfSamples: "the log-probabilities table is of one sample"
        case .stopAfterTokenIDs: "stop strings end a text, but this prompt is token ids"
        case .emptyStop: "a stop string cannot be empty"
        }
    }

    /// Which setting to leave out, for settings that do not go together.
    var note: String? {
        switch self {
        case .logprobsOfSamples: "leave out samples:, or logprobs:"
        case .stopAfterTokenIDs: "give the prompt as text (the model's tokenizer reads it), or leave out stop:"
        case .notALanguageModel, .noTokenizer, .tokenOutOfRange, .promptType, .topPZero, .emptyStop: nil
        }
    }
}
