import FinchDisplay
import FinchEngine

/// A training run the engine refuses to start: one step over the memory budget, or nothing left
/// to train.
enum TrainingFailure: LanguageFailure, Equatable, Sendable {
    /// A step estimated at `estimate`, over the `budget`, with batches of `batch` examples of
    /// `length` positions.
    case stepOverBudget(estimate: MemoryEstimate, budget: Int, batch: Int, length: Int)
    /// A model `model` whose parameters are all frozen.
    case nothingToTrain(model: String)

    /// Always ``ErrorKind/value``.
    var kind: ErrorKind { .value }

    /// What keeps the run from starting.
    var message: String {
        switch self {
        case let .stepOverBudget(estimate, budget, _, _):
            "one training step needs about \(ByteSize.text(estimate.total)), over the budget of \(ByteSize.text(budget))"
        case .nothingToTrain(let model): "every parameter of \(model) is frozen: nothing to train"
        }
    }

    /// What to make smaller, for a step over the budget.
    var note: String? {
        guard case let .stepOverBudget(estimate, _, batch, length) = self else { return nil }
        return TrainingRunner.shrinkAdvice(estimate, batch: batch, length: length)
    }
}
