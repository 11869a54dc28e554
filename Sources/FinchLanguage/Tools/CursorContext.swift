/// What surrounds a cursor in a cell, for completion and inspection: the word there, and the
/// tokens of the statement before it.
struct CursorContext {
    /// The cursor, clamped to the source.
    let cursor: Int
    /// Where the word at the cursor begins.
    let wordStart: Int
    /// Where the word at the cursor ends (at or after the cursor).
    let wordEnd: Int
    /// The word's text up to the cursor.
    let prefix: String
    /// The whole word around the cursor.
    let word: String
    /// The tokens before the word that belong to its statement, or nil if the cursor is inside a
    /// string.
    let statementTokens: [Token]?
    private let scalars: [Unicode.Scalar]

    /// The context of `cursor` (a scalar offset, clamped to the source) in `source`.
    init(source: String, cursor: Int) {
        scalars = Array(source.unicodeScalars)
        let cursor = min(max(0, cursor), scalars.count)
        self.cursor = cursor
        var start = cursor
        while start > 0, Lexer.isIdentifierPart(scalars[start - 1]) { start -= 1 }
        var end = cursor
        while end < scalars.count, Lexer.isIdentifierPart(scalars[end]) { end += 1 }
        wordStart = start
        wordEnd = end
        prefix = String(String.UnicodeScalarView(scalars[start..<cursor]))
        word = String(String.UnicodeScalarView(scalars[start..<end]))
        let scan = Lexer.scan(String(String.UnicodeScalarView(scalars[..<start])))
        let tokens = Array(scan.tokens.dropLast())
        if scan.problems.contains(where: { $0.reason == .unterminatedString }) {
            statementTokens = nil
            lineAboveTokens = []
        } else {
            statementTokens = CursorContext.currentStatement(tokens)
            lineAboveTokens = tokens.last?.kind == .newline ? CursorContext.currentStatement(tokens.dropLast()) : []
        }
        blockOwners = CursorContext.blockOwners(tokens)
    }

    /// The first words of the statements whose `{ … }` blocks the word is in, innermost first,
    /// e.g. `["repeat", "model"]`; empty at the top level.
    let blockOwners: [String]

    private static func blockOwners(_ tokens: [Token]) -> [String] {
        var owners: [String] = []
        var depth = 0
        for index in tokens.indices.reversed() {
            switch tokens[index].kind {
            case .rightBrace: depth += 1
            case .leftBrace where depth > 0: depth -= 1
            case .leftBrace:
                let owner = valueTokens(of: currentStatement(tokens[..<index]))
                owners.append(owner.first?.kind.identifier ?? "")
            default: break
            }
        }
        return owners
    }

    /// When the word starts a line, the statement on the lines above, which the word may
    /// continue with a label (`lr: 1e-3`).
    private let lineAboveTokens: [Token]

    /// The tokens of the last statement in `tokens`, where a line starting with `word:` continues
    /// the statement above it.
    private static func currentStatement(_ tokens: ArraySlice<Token>) -> [Token] {
        var start = tokens.endIndex
        while start > tokens.startIndex {
            let token = tokens[start - 1]
            switch token.kind {
            case .semicolon, .leftBrace, .rightBrace:
                return Array(tokens[start...])
            case .newline:
                let continues = start + 1 < tokens.endIndex && tokens[start].kind.identifier != nil
                    && tokens[start + 1].kind == .colon
                if !continues { return Array(tokens[start...]) }
            default: break
            }
            start -= 1
        }
        return Array(tokens)
    }

    private static func currentStatement(_ tokens: [Token]) -> [Token] {
        currentStatement(tokens[...])
    }

    /// The statement's tokens without a leading `a, b =` assignment.
    private var valueTokens: [Token] { CursorContext.valueTokens(of: statementTokens ?? []) }

    private static func valueTokens(of tokens: [Token]) -> [Token] {
        if let equal = tokens.firstIndex(where: { $0.kind == .equal }),
           tokens[..<equal].allSatisfy({ $0.kind.identifier != nil || $0.kind == .comma }) {
            return Array(tokens[(equal + 1)...])
        }
        return tokens
    }

    /// Whether the word is where a statement (or the value of an assignment) begins.
    var isAtStatementStart: Bool { statementTokens != nil && valueTokens.isEmpty }

    /// Whether the token before the word ends a value, so an infix keyword (`and`, `or`, …)
    /// may follow.
    var followsValue: Bool {
        switch statementTokens?.last?.kind {
        case .identifier, .number, .string, .rightParen, .rightBracket, .rightBrace,
             .keyword(.true), .keyword(.false), .keyword(.none): true
        default: false
        }
    }

    /// The command the statement invokes, if it is one and the word is among its arguments.
    func command(in commands: CommandTable) -> Command? {
        guard let first = valueTokens.first?.kind.identifier else { return nil }
        return commands[first]
    }

    /// The arguments written so far, when the word is among the arguments of `command`.
    func writtenArguments(of command: Command) -> WrittenArguments {
        WrittenArguments(valueTokens.dropFirst(), of: command)
    }

    /// The command of the statement on the lines above, when the word starts a line and so may
    /// continue it.
    func commandAbove(in commands: CommandTable) -> Command? {
        guard let first = CursorContext.valueTokens(of: lineAboveTokens).first?.kind.identifier else { return nil }
        return commands[first]
    }

    /// The labels already written in the statement, e.g. `sep` for `print 1 sep: "," …`.
    var usedLabels: Set<String> { CursorContext.labels(in: valueTokens) }

    /// The labels already written in the statement above.
    var usedLabelsAbove: Set<String> { CursorContext.labels(in: lineAboveTokens) }

    private static func labels(in tokens: [Token]) -> Set<String> {
        var labels = Set<String>()
        for (index, token) in tokens.enumerated() where token.kind == .colon && index > 0 {
            if let name = tokens[index - 1].kind.identifier { labels.insert(name) }
        }
        return labels
    }

    /// The label the word is the value of, as in `schedule: cos|`.
    var valueLabel: String? {
        guard let tokens = statementTokens, tokens.count >= 2, tokens[tokens.count - 1].kind == .colon else { return nil }
        return tokens[tokens.count - 2].kind.identifier
    }

    /// The choice whose settings the word is among, as `("method", "lora")` in
    /// `method: lora(rank: 4, al|`: the label and word before the innermost unclosed `(`.
    var openChoice: (label: String, word: String)? {
        guard let tokens = statementTokens else { return nil }
        var depth = 0
        for index in tokens.indices.reversed() {
            switch tokens[index].kind {
            case .rightParen, .rightBracket: depth += 1
            case .leftBracket: depth -= 1
            case .leftParen where depth > 0: depth -= 1
            case .leftParen:
                guard index >= 3, let word = tokens[index - 1].kind.identifier, tokens[index - 2].kind == .colon,
                      let label = tokens[index - 3].kind.identifier else { return nil }
                return (label, word)
            default: break
            }
        }
        return nil
    }

    /// Whether the word follows a `.` — then it is a property.
    var followsDot: Bool { statementTokens?.last?.kind == .dot }

    /// Whether a `:` follows the word, making it a label.
    var isLabel: Bool {
        var index = wordEnd
        while index < scalars.count, scalars[index] == " " { index += 1 }
        return index < scalars.count && scalars[index] == ":"
    }

    /// The source of the expression before the dot that precedes the word, as in `xs.fi|`:
    /// a chain of names, literals, calls, indexing and bracketed groups joined by dots.
    var baseBeforeDot: String? {
        guard followsDot, let tokens = statementTokens else { return nil }
        let dot = tokens.count - 1
        var index = dot - 1
        while index >= 0 {
            var groupStart: Int?
            while index >= 0, tokens[index].kind == .rightParen || tokens[index].kind == .rightBracket {
                guard let opener = CursorContext.opener(of: index, in: tokens) else { return nil }
                groupStart = opener
                index = opener - 1
            }
            let adjacent = groupStart.map { index >= 0 && tokens[index].range.end == tokens[$0].range.offset } ?? true
            if index >= 0, adjacent, CursorContext.isAtom(tokens[index].kind) { index -= 1 }
            guard index >= 0, tokens[index].kind == .dot else { break }
            index -= 1
        }
        guard index + 1 < dot else { return nil }
        let from = tokens[index + 1].range.offset, to = tokens[dot].range.offset
        return String(String.UnicodeScalarView(scalars[from..<to]))
    }

    /// The value of the expression before the dot, evaluated by `interpreter`; nil if there is
    /// none or it fails. Evaluating is safe: expressions hold no commands, and functions and
    /// properties have no side effects.
    func valueBeforeDot(in interpreter: Interpreter) -> Value? {
        guard let base = baseBeforeDot else { return nil }
        return try? interpreter.evaluate(Parser.parseExpression(base, commands: interpreter.commands))
    }

    /// The index of the bracket that `closer` closes, if it is in `tokens`.
    private static func opener(of closer: Int, in tokens: [Token]) -> Int? {
        var depth = 0
        for index in stride(from: closer, through: 0, by: -1) {
            switch tokens[index].kind {
            case .rightParen, .rightBracket: depth += 1
            case .leftParen, .leftBracket:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }

    /// Whether a token of `kind` is a whole value by itself: a name or a literal.
    static func isAtom(_ kind: TokenKind) -> Bool {
        switch kind {
        case .identifier, .number, .string, .keyword(.true), .keyword(.false), .keyword(.none): true
        default: false
        }
    }
}
