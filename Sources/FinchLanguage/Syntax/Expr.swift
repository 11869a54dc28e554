/// An expression of the Finch language and where it is in the source.
struct Expr: Equatable, Sendable {
    /// What the expression is.
    let kind: ExprKind
    /// Where the whole expression is.
    let range: SourceRange
    /// Height of the expression tree (a literal is 1); the parser bounds it.
    let depth: Int

    /// An expression of `kind` at `range`.
    init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        self.depth = 1 + (kind.children.map(\.depth).max() ?? 0)
    }
}

/// The operators between two operands.
enum BinaryOperator: String, Equatable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}

/// The two short-circuiting operators.
enum LogicalOperator: String, Equatable, Sendable {
    case and, or
}

/// A name and where it is written.
struct Name: Equatable, Sendable {
    /// The name's text.
    let text: String
    /// Where the name is.
    let range: SourceRange
}

/// One argument of a call or command: positional (`label == nil`) or `label: value`.
struct Argument: Equatable, Sendable {
    /// The keyword or preposition naming the argument; nil for a positional one.
    let label: Name?
    /// The argument's value.
    let value: Expr
}

/// A command invocation: `name positional… preposition value… key: value… { block }`.
struct CommandCall: Equatable, Sendable {
    /// The command's name.
    let name: Name
    /// The arguments in source order.
    let arguments: [Argument]
    /// The trailing block, if written.
    let block: [Stmt]?
}

/// The kinds of expression.
indirect enum ExprKind: Equatable, Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case none
    case list([Expr])
    case variable(String)
    case negate(Expr)
    case not(Expr)
    case binary(BinaryOperator, Expr, Expr)
    case logical(LogicalOperator, Expr, Expr)
    case range(Expr, Expr, inclusive: Bool)
    case property(Expr, Name)
    case index(Expr, Expr)
    case call(Name, [Argument])
    case command(CommandCall)

    /// The sub-expressions, for measuring depth.
    var children: [Expr] {
        switch self {
        case .number, .string, .bool, .none, .variable, .command: []
        case .list(let elements): elements
        case .negate(let operand), .not(let operand): [operand]
        case .binary(_, let left, let right), .logical(_, let left, let right), .range(let left, let right, _),
             .index(let left, let right): [left, right]
        case .property(let base, _): [base]
        case .call(_, let arguments): arguments.map(\.value)
        }
    }
}
