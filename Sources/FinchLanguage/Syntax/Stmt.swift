/// A statement of the Finch language and where it is in the source.
struct Stmt: Equatable, Sendable {
    /// What the statement is.
    let kind: StmtKind
    /// Where the whole statement is.
    let range: SourceRange
}

/// The kinds of statement.
indirect enum StmtKind: Equatable, Sendable {
    /// An expression (or command) whose value may become the cell's result.
    case expression(Expr)
    /// `a = value`, or `a, b = list` to take a list apart.
    case assign([Name], Expr)
    /// `for name in iterable { body }`.
    case forLoop(Name, Expr, [Stmt])
    /// `if condition { then } else { otherwise }`; `otherwise` is empty without `else`.
    case ifElse(Expr, [Stmt], [Stmt])
}

extension Stmt {
    /// The names an assignment binds (none for other statements).
    var assignedNames: [String] {
        if case .assign(let targets, _) = kind { targets.map(\.text) } else { [] }
    }
}
