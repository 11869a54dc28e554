/// Decides whether a cell is ready to run, for Jupyter's `is_complete_request`.
enum CompletenessCheck {
    /// `.incomplete` while a bracket or string is open (two spaces of indent per open bracket),
    /// `.invalid` for an unmatched closer or a character Finch cannot read, else `.complete`.
    static func check(_ source: String) -> Completeness {
        let scan = Lexer.scan(source)
        if scan.problems.contains(where: { $0.reason != .unterminatedString }) { return .invalid }
        var open: [TokenKind] = []
        for token in scan.tokens {
            switch token.kind {
            case .leftParen, .leftBracket, .leftBrace:
                open.append(token.kind)
            case .rightParen, .rightBracket, .rightBrace:
                guard let last = open.popLast(), closer(of: last) == token.kind else { return .invalid }
            default:
                break
            }
        }
        let unterminated = !scan.problems.isEmpty
        guard unterminated || !open.isEmpty else { return .complete }
        return .incomplete(indent: String(repeating: "  ", count: open.count))
    }

    private static func closer(of opener: TokenKind) -> TokenKind {
        switch opener {
        case .leftParen: .rightParen
        case .leftBracket: .rightBracket
        default: .rightBrace
        }
    }
}
