/// Decides whether a cell is ready to run, for Jupyter's `is_complete_request`.
enum CompletenessCheck {
    /// `.incomplete` while a bracket or string is open (two spaces of indent per open bracket) or
    /// the statement stops where more must follow (`x = `, `1 +`); `.invalid` for an unmatched
    /// closer, a character Finch cannot read or a syntax error before the end (`x = = 1`); else
    /// `.complete`.
    static func check(_ source: String, commands: CommandTable) -> Completeness {
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
        guard unterminated || !open.isEmpty else { return parses(scan.tokens, commands: commands) }
        return .incomplete(indent: String(repeating: "  ", count: open.count))
    }

    /// `.complete` when `tokens` parse, `.incomplete` when the parser wanted more at the end of
    /// the input, `.invalid` when it stopped earlier.
    private static func parses(_ tokens: [Token], commands: CommandTable) -> Completeness {
        var parser = Parser(tokens: tokens, commands: commands)
        do throws(FinchError) {
            _ = try parser.program()
            return .complete
        } catch {
            guard let end = tokens.last?.range.offset, let at = error.range?.offset else { return .invalid }
            return at >= end ? .incomplete(indent: "") : .invalid
        }
    }

    private static func closer(of opener: TokenKind) -> TokenKind {
        switch opener {
        case .leftParen: .rightParen
        case .leftBracket: .rightBracket
        default: .rightBrace
        }
    }
}
