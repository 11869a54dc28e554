/// The arguments of a command written before the cursor, as far as completion needs them: how
/// many positional values, which prepositions, and whether the cursor follows a finished
/// argument (so only a new one can follow: `finetune net on fit |` offers its labels, not values).
struct WrittenArguments: Equatable {
    /// Positional values written.
    private(set) var positionalCount = 0
    /// Prepositions written, e.g. `on`.
    private(set) var prepositions: Set<String> = []
    /// Whether the cursor follows a finished value at the top level: not inside brackets, and not
    /// after an operator, a label's colon or a preposition.
    private(set) var endsArgument = false
    /// Whether the cursor follows a finished value, at any depth, so an infix keyword may follow.
    private(set) var followsValue = false

    /// Whether nothing is written after the command's name.
    let isEmpty: Bool

    /// What the next value fills.
    private enum Slot { case positional, labelled, continuation }

    /// The arguments of `command` in `tokens`, the statement's tokens after the command's name.
    init(_ tokens: ArraySlice<Token>, of command: Command) {
        isEmpty = tokens.isEmpty
        let prepositionNames = Set(command.prepositions.map(\.name))
        var depth = 0, expectingValue = true, slot = Slot.positional
        func startValue() {
            if slot == .positional { positionalCount += 1 }
            slot = .positional
        }
        for index in tokens.indices {
            let kind = tokens[index].kind
            switch kind {
            case .leftParen, .leftBracket, .leftBrace:
                if depth == 0, expectingValue { startValue() }
                depth += 1
                expectingValue = true
            case .rightParen, .rightBracket, .rightBrace:
                depth = max(0, depth - 1)
                expectingValue = false
            case _ where depth > 0:
                expectingValue = !CursorContext.isAtom(kind)
            case .colon:
                expectingValue = true
                slot = .labelled
            case .identifier where index + 1 < tokens.endIndex && tokens[index + 1].kind == .colon:
                continue
            case .identifier(let name) where !expectingValue && prepositionNames.contains(name):
                prepositions.insert(name)
                expectingValue = true
                slot = .labelled
            case _ where CursorContext.isAtom(kind):
                if expectingValue, slot != .continuation { startValue() }
                slot = .positional
                expectingValue = false
            default:
                // An operator: a prefix one starts a value, an infix one continues the value before it.
                if expectingValue, slot != .continuation { startValue() }
                slot = .continuation
                expectingValue = true
            }
        }
        followsValue = !isEmpty && !expectingValue
        endsArgument = depth == 0 && followsValue
    }
}
