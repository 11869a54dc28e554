import FinchEngine

/// Interrupts for the work below the language (reading files, parsing CSV, tokenizing, building
/// and loading models): the engine and the data layer get a ``Cancellation`` to ask as they go,
/// and throw the `cancelled` case of their own error, which becomes the interrupted error here.
extension Interpreter {
    /// A cancellation requested when the user interrupts, for the engine and the data layer.
    var cancellation: Cancellation { Cancellation(isInterrupted) }
}

extension FinchError {
    /// The Finch error for `error`, thrown below the language by the command at `range`: the
    /// interrupted error when the user stopped the work, else `otherwise`. The one place where a
    /// lower target's cancellation becomes an interrupt.
    static func unlessCancelled(_ error: some CancellableError, at range: SourceRange,
                                otherwise: @autoclosure () -> FinchError) -> FinchError {
        error.isCancellation ? .interrupted(at: range) : otherwise()
    }
}
