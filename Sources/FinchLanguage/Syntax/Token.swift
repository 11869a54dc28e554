/// What a token is; literals carry their value.
enum TokenKind: Hashable, Sendable {
    case number(Double)
    case string(String)
    case identifier(String)
    case keyword(Keyword)
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, dot, colon, semicolon, equal
    case plus, minus, star, slash, percent, caret
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case dotDot, dotDotLess
    /// The end of a statement's line (runs of blank lines give one).
    case newline
    /// The end of the source.
    case end

    /// How the token reads in an error message, e.g. `'+'` or `a new line`.
    var description: String {
        switch self {
        case .number: "a number"
        case .string: "a string"
        case .identifier(let name): "'\(name)'"
        case .keyword(let keyword): "'\(keyword.rawValue)'"
        case .newline: "a new line"
        case .end: "the end of the cell"
        default: "'\(spelling ?? "")'"
        }
    }

    /// The source spelling of a punctuation token; nil for literals, names and line ends.
    var spelling: String? {
        switch self {
        case .leftParen: "("
        case .rightParen: ")"
        case .leftBracket: "["
        case .rightBracket: "]"
        case .leftBrace: "{"
        case .rightBrace: "}"
        case .comma: ","
        case .dot: "."
        case .colon: ":"
        case .semicolon: ";"
        case .equal: "="
        case .plus: "+"
        case .minus: "-"
        case .star: "*"
        case .slash: "/"
        case .percent: "%"
        case .caret: "^"
        case .equalEqual: "=="
        case .bangEqual: "!="
        case .less: "<"
        case .lessEqual: "<="
        case .greater: ">"
        case .greaterEqual: ">="
        case .dotDot: ".."
        case .dotDotLess: "..<"
        case .number, .string, .identifier, .keyword, .newline, .end: nil
        }
    }

    /// The identifier's name, if this is an identifier.
    var identifier: String? {
        if case .identifier(let name) = self { name } else { nil }
    }
}

/// One lexeme of the source and where it is.
struct Token: Equatable, Sendable {
    /// What the token is.
    let kind: TokenKind
    /// Where the token is.
    let range: SourceRange
}
