import FinchData
import FinchEngine

/// A model that cannot be run on what it was given: data or a text that does not fit it, a
/// text too short to score, or a model that cannot generate.
enum InferenceFailure: LanguageFailure, Equatable, Sendable {
    /// Data whose batches do not fit `model`, in the engine's words.
    case dataDoesNotFit(model: String, BatchError)
    /// A text whose windows do not fit `model`, in the engine's words.
    case textDoesNotFit(model: String, BatchError)
    /// A text too short for the windows of an evaluation, in the data layer's words.
    case textTooShort(DataError)
    /// `evaluate` of a language model on a value of type `type` (nil: on nothing).
    case needsCorpusOrTokens(type: String?)
    /// A model `model` that the generator cannot run, in its words.
    case cannotGenerate(model: String, GenerationError)

    /// A type error for a value of the wrong type, value errors for the rest.
    var kind: ErrorKind {
        switch self {
        case .needsCorpusOrTokens: .type
        case .dataDoesNotFit, .textDoesNotFit, .textTooShort, .cannotGenerate: .value
        }
    }

    /// What does not fit which model.
    var message: String {
        switch self {
        case let .dataDoesNotFit(model, error): "the data does not fit \(model): \(error.description)"
        case let .textDoesNotFit(model, error): "the text does not fit \(model): \(error.description)"
        case .textTooShort(let error): error.description
        case .needsCorpusOrTokens(let type): "evaluating a language model needs a corpus or tokens after 'on', not \(type ?? "nothing")"
        case let .cannotGenerate(model, error): "\(model) cannot generate: \(error.description)"
        }
    }

    /// How to make a text long enough.
    var note: String? {
        guard case .textTooShort = self else { return nil }
        return "evaluate on a longer text, or lower context:"
    }
}
