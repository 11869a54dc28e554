import FinchData
import FinchEngine

/// A refusal of the data layer or the engine that the language passes on in the engine's own
/// words, with no hint of its own: the description of the error is the message.
enum EngineRefusal: LanguageFailure, Equatable, Sendable {
    /// Data that could not be read, split, scaled, batched or buffered.
    case data(DataError)
    /// A change to a model that the engine refused (a LoRA adapter it cannot add, say).
    case model(ModelError)
    /// A training run that the engine refused to start or go on with.
    case training(TrainError)
    /// Predictions and labels that the metrics cannot be computed from.
    case metrics(MetricsError)

    /// Always ``ErrorKind/value``.
    var kind: ErrorKind { .value }

    /// The engine's description of the error.
    var message: String {
        switch self {
        case .data(let error): error.description
        case .model(let error): error.description
        case .training(let error): error.description
        case .metrics(let error): error.description
        }
    }

    /// None: the engine's words are the whole message.
    var note: String? { nil }
}
