import FinchEngine

/// A continual-learning run through a stream of tasks that cannot go on: a stage that was
/// interrupted or diverged, test data that does not fit, or a strategy the model cannot take.
enum ContinualFailure: LanguageFailure, Equatable, Sendable {
    /// The part of the run a failure happened in.
    enum Stage: Equatable, Sendable {
        /// The one run on every task's data together.
        case joint
        /// The task at `index` of the stream, named `name`.
        case task(Int, name: String)

        /// The stage as the message names it, as `task 1 (b)`.
        var description: String {
            switch self {
            case .joint: "the joint run"
            case let .task(index, name): "task \(index) (\(name))"
            }
        }
    }

    /// The user stopping `stage` after step `step`; `model` keeps that step's weights.
    case interruptedDuring(Stage, step: Int, model: String)
    /// A loss that became NaN or infinite during `stage`.
    case divergedDuring(Stage)
    /// The test data of task `task` that does not fit `model`, in the engine's words.
    case testDataDoesNotFit(task: String, model: String, BatchError)
    /// Learning without forgetting on a model `model` with LoRA adapters, which cannot be copied.
    case lwfWithAdapters(model: String)
    /// The Fisher information that EWC could not measure, in the engine's words.
    case fisher(BatchError)

    /// Interrupted for a stage the user stopped, value errors for the rest.
    var kind: ErrorKind {
        switch self {
        case .interruptedDuring: .interrupted
        case .divergedDuring, .testDataDoesNotFit, .lwfWithAdapters, .fisher: .value
        }
    }

    /// Which stage stopped, or what could not be done.
    var message: String {
        switch self {
        case let .interruptedDuring(stage, step, model):
            "interrupted during \(stage.description), after step \(step); \(model) keeps the weights of that step"
        case .divergedDuring(let stage): "the loss became NaN or infinite during \(stage.description)"
        case let .testDataDoesNotFit(task, model, error): "task \(task)'s test data does not fit \(model): \(error)"
        case .lwfWithAdapters(let model): "lwf cannot copy \(model) with its LoRA adapters"
        case .fisher(let error): "cannot measure the Fisher information: \(error)"
        }
    }

    /// What to change, for a diverged stage or a strategy the model cannot take.
    var note: String? {
        switch self {
        case .divergedDuring: "try a lower lr: or clip: 1"
        case .lwfWithAdapters: "use method: full, freeze or probe"
        case .interruptedDuring, .testDataDoesNotFit, .fisher: nil
        }
    }
}
