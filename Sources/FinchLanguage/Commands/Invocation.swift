/// An argument value after checking, with where it was written.
struct BoundValue: Sendable {
    /// The checked value.
    let value: Value
    /// Where the argument was written; the command's name when a default was used.
    let range: SourceRange
}

/// One run of a command: its checked arguments and the interpreter it runs in.
struct Invocation {
    /// The command being run.
    let command: Command
    /// Where the whole command is written.
    let range: SourceRange
    /// Positional arguments in order.
    let positional: [BoundValue]
    /// Prepositional and keyword arguments by name, with defaults filled in.
    let labelled: [String: BoundValue]
    /// The trailing block, if any.
    let block: [Stmt]?
    /// The interpreter running the command: output, interruption, blocks.
    let interpreter: Interpreter

    /// The value of the prepositional or keyword argument `name`, if given or defaulted.
    subscript(name: String) -> Value? { labelled[name]?.value }
}
