import FinchDisplay

/// How running a cell ended.
public enum ExecutionOutcome: Sendable, Equatable {
    /// The cell ran to the end; the value is the rich form of its last expression, if any.
    case success(Presentation?)
    /// A statement failed; state from the statements before it is kept.
    case failure(FinchError)
}
