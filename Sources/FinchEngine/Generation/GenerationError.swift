/// Why a generation was refused.
public enum GenerationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A temperature below zero.
    case negativeTemperature(Float)
    /// A top-k below one.
    case topKBelowOne(Int)
    /// A top-p outside `(0, 1]`.
    case topPOutOfRange(Float)
    /// The model has no token embedding (it reads feature vectors).
    case notATokenModel
    /// The model does not end in an lm head.
    case noLMHead
    /// The model has a soft prompt of `length` vectors, which the generator does not run.
    case softPrompt(length: Int)
    /// A layer the generator cannot run, by its path in the model's tree.
    case unsupportedLayer(String)
    /// A Transformer block that sees later positions: it has no left-to-right cache.
    case bidirectionalLayer(String)
    /// An empty prompt.
    case emptyPrompt
    /// A prompt token outside the vocabulary.
    case tokenOutOfRange(Int32, vocabulary: Int)
    /// The excluded set covers the whole vocabulary: there is nothing left to pick.
    case everyTokenExcluded
    /// A continuation to score has no tokens.
    case emptyContinuation
    /// A prompt (with the continuation scored after it) of `length` positions, over the model's `context`.
    case promptTooLong(length: Int, context: Int)

    /// One-line human-readable explanation.
    public var description: String {
        switch self {
        case let .negativeTemperature(t): "temperature must be 0 or more, got \(t)"
        case let .topKBelowOne(k): "top_k must be at least 1, got \(k)"
        case let .topPOutOfRange(p): "top_p must be above 0 and at most 1, got \(p)"
        case .notATokenModel: "generating needs a token model (one that starts with an embedding)"
        case .noLMHead: "generating needs a model that ends in an lm head"
        case let .softPrompt(length): "it has a soft prompt of \(length) vectors, which the generator does not run"
        case let .unsupportedLayer(path): "generating cannot run layer \(path) (it runs embeddings, positions, dropout, causal Transformer blocks, layer norms and an lm head)"
        case let .bidirectionalLayer(path): "generating needs causal attention, but \(path) is bidirectional"
        case .emptyPrompt: "the prompt has no tokens"
        case let .tokenOutOfRange(id, vocabulary): "token \(id) is outside the vocabulary 0..<\(vocabulary)"
        case .everyTokenExcluded: "every token of the vocabulary is excluded"
        case .emptyContinuation: "a continuation to score has no tokens"
        case let .promptTooLong(length, context): "the prompt needs \(length) positions, but the model's context is \(context)"
        }
    }
}
