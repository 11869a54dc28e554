/// The reserved words of Finch, each with the doc shown by inspection.
enum Keyword: String, CaseIterable, Hashable, Sendable {
    case and, or, not, `true`, `false`, none, `for`, `in`, `if`, `else`

    /// What the keyword does, for inspection and `help`.
    var doc: String {
        switch self {
        case .and: "a and b — true when both a and b are true; b is only evaluated if a is true"
        case .or: "a or b — true when a or b is true; b is only evaluated if a is false"
        case .not: "not a — true when a is false"
        case .true: "true — the boolean value true"
        case .false: "false — the boolean value false"
        case .none: "none — the absence of a value"
        case .for: "for NAME in LIST { … } — run the block once for each element, bound to NAME"
        case .in: "in — separates the loop variable from the list in 'for NAME in LIST { … }'"
        case .if: "if CONDITION { … } else { … } — run the first block when CONDITION is true, else the second"
        case .else: "else { … } — the block an 'if' runs when its condition is false"
        }
    }
}
