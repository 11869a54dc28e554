/// The family of a ``FinchError``; each has a Jupyter `ename`.
public enum ErrorKind: Sendable, Equatable {
    /// The source does not follow the grammar (or nests too deeply).
    case syntax
    /// A name, command, keyword argument or property that does not exist.
    case name
    /// A value of the wrong type for an operation.
    case type
    /// A value of the right type but outside what an operation accepts.
    case value
    /// Arguments that do not fit a command or function: count, missing or unknown names.
    case argument
    /// The user interrupted the running cell.
    case interrupted

    /// The Jupyter `ename` for this kind, e.g. `SyntaxError`.
    public var name: String {
        switch self {
        case .syntax: "SyntaxError"
        case .name: "NameError"
        case .type: "TypeError"
        case .value: "ValueError"
        case .argument: "ArgumentError"
        case .interrupted: "Interrupted"
        }
    }
}
