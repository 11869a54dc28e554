import FinchEngine

/// A prompted classification that cannot be scored: a prompt the model cannot score, shots
/// without enough demonstrations, and prompts longer than the model's context.
enum PromptFailure: LanguageFailure, Equatable, Sendable {
    /// `what` (the prompt, the content-free prompt) that `model` cannot score, in the engine's words.
    case cannotScore(model: String, what: String, GenerationError)
    /// `shots` demonstrations asked for with no labelled texts to draw them from.
    case shotsWithoutDemonstrations(shots: Int)
    /// `shots` demonstrations asked for from a set `set` of only `texts` texts.
    case tooFewDemonstrations(shots: Int, set: String, texts: Int)
    /// A prompt of `needed` positions, with no demonstrations, over the `context` of `model`.
    case promptTooLong(needed: Int, model: String, context: Int)
    /// A prompt of `needed` positions after `count` demonstrations of `tokens` tokens, over the
    /// `context` of `model`; the first `fitting` demonstrations would fit.
    case demonstrationsTooLong(count: Int, tokens: Int, needed: Int, model: String, context: Int, fitting: Int)

    /// An argument error for shots with nothing to draw from, value errors for the rest.
    var kind: ErrorKind {
        switch self {
        case .shotsWithoutDemonstrations: .argument
        case .cannotScore, .tooFewDemonstrations, .promptTooLong, .demonstrationsTooLong: .value
        }
    }

    /// What cannot be scored, or how far the prompt goes past the context.
    var message: String {
        switch self {
        case let .cannotScore(model, what, error): "\(model) cannot score \(what): \(error.description)"
        case .shotsWithoutDemonstrations(let shots): "\(shots) shots need labelled texts to draw demonstrations from"
        case let .tooFewDemonstrations(shots, set, texts): "\(shots) shots need \(shots) demonstrations, but \(set) has \(texts) texts"
        case let .promptTooLong(needed, model, context): "the longest prompt needs \(needed) positions, but \(model)'s context is \(context)"
        case let .demonstrationsTooLong(count, tokens, needed, model, context, fitting):
            "with \(count) demonstrations (\(tokens) tokens) the longest prompt needs \(needed) positions, but \(model)'s context is \(context); "
                + (fitting == 0 ? "not even one of these demonstrations fits" : "the first \(fitting) of them fit")
        }
    }

    /// How to write the template, where to draw demonstrations from, or how to fit the context.
    var note: String? {
        switch self {
        case .cannotScore(_, _, .emptyPrompt): "put words around {text} in the template (e.g. \"{text} it was\")"
        case .cannotScore: nil
        case .shotsWithoutDemonstrations: "add from: TRAIN (a labelled data set other than the one evaluated)"
        case .tooFewDemonstrations(_, _, let texts): "ask for at most \(texts) shots, or draw from a larger set"
        case .promptTooLong: "add truncate: true to cut long texts to fit, shorten the template, or use a model with a longer context"
        case .demonstrationsTooLong(_, _, _, _, _, let fitting):
            "use shots: \(fitting) or fewer, truncate: true to cut long texts, or a model with a longer context"
        }
    }
}
