/// A problem the lexer found; scanning goes on after it.
struct LexProblem: Equatable, Sendable {
    /// Why the text could not be read.
    enum Reason: Equatable, Sendable {
        /// A string whose closing quote never came; more lines could finish it.
        case unterminatedString
        /// A character that starts no token.
        case unexpectedCharacter
        /// A malformed number or escape sequence.
        case malformed
    }

    /// Why the text could not be read.
    let reason: Reason
    /// The error to report.
    let error: FinchError
}

/// The tokens of a source, and the problems met while reading it.
struct Scan: Sendable {
    /// The tokens, ending with `.end`.
    let tokens: [Token]
    /// Problems in source order; empty when the source lexed cleanly.
    let problems: [LexProblem]
}

/// Turns source text into tokens (jlox's Scanner).
///
/// Newlines become `.newline` tokens except inside `(` and `[`, where an expression may wrap;
/// comments (`#` to the end of the line) and blank lines vanish.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var tokens: [Token] = []
    private var problems: [LexProblem] = []
    private var openers: [TokenKind] = []

    /// A lexer over `source`.
    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// Reads the whole source.
    static func scan(_ source: String) -> Scan {
        var lexer = Lexer(source)
        return lexer.scanAll()
    }

    private mutating func scanAll() -> Scan {
        while index < scalars.count {
            scanToken()
        }
        tokens.append(Token(kind: .end, range: range(from: index, length: 1)))
        return Scan(tokens: tokens, problems: problems)
    }

    private mutating func scanToken() {
        let start = index
        let c = advance()
        switch c {
        case " ", "\t", "\r":
            return
        case "\n":
            emitNewline(at: start)
            line += 1
            lineStart = index
        case "#":
            while index < scalars.count, scalars[index] != "\n" { index += 1 }
        case "(": open(.leftParen, at: start)
        case "[": open(.leftBracket, at: start)
        case "{": open(.leftBrace, at: start)
        case ")": close(.rightParen, opener: .leftParen, at: start)
        case "]": close(.rightBracket, opener: .leftBracket, at: start)
        case "}": close(.rightBrace, opener: .leftBrace, at: start)
        case ",": emit(.comma, from: start)
        case ":": emit(.colon, from: start)
        case ";": emit(.semicolon, from: start)
        case "+": emit(.plus, from: start)
        case "-": emit(.minus, from: start)
        case "*": emit(.star, from: start)
        case "/": emit(.slash, from: start)
        case "%": emit(.percent, from: start)
        case "^": emit(.caret, from: start)
        case "=": emit(match("=") ? .equalEqual : .equal, from: start)
        case "<": emit(match("=") ? .lessEqual : .less, from: start)
        case ">": emit(match("=") ? .greaterEqual : .greater, from: start)
        case "!":
            if match("=") {
                emit(.bangEqual, from: start)
            } else {
                report(.unexpectedCharacter, .unexpectedCharacter("!"), from: start)
            }
        case ".":
            if match(".") {
                emit(match("<") ? .dotDotLess : .dotDot, from: start)
            } else {
                emit(.dot, from: start)
            }
        case "\"": string(from: start)
        default:
            if Lexer.isDigit(c) {
                number(from: start)
            } else if Lexer.isIdentifierStart(c) {
                identifier(from: start)
            } else {
                report(.unexpectedCharacter, .unexpectedCharacter(c), from: start)
            }
        }
    }

    // MARK: Literals and names

    private mutating func number(from start: Int) {
        while Lexer.isDigit(peek()) { index += 1 }
        if peek() == ".", Lexer.isDigit(peek(1)) {
            index += 1
            while Lexer.isDigit(peek()) { index += 1 }
        }
        if peek() == "e" || peek() == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if Lexer.isDigit(peek(signed ? 2 : 1)) {
                index += signed ? 2 : 1
                while Lexer.isDigit(peek()) { index += 1 }
            } else if !Lexer.isIdentifierPart(peek(signed ? 2 : 1)) || signed {
                index += signed ? 2 : 1
                report(.malformed, .exponentWithoutDigits(spelling: text(from: start)), from: start)
                return
            }
        }
        let spelling = text(from: start)
        guard let value = Double(spelling) else {
            report(.malformed, .malformedNumber(spelling: spelling), from: start)
            return
        }
        emit(.number(value), from: start)
    }

    private mutating func identifier(from start: Int) {
        while Lexer.isIdentifierPart(peek()) { index += 1 }
        let name = text(from: start)
        emit(Keyword(rawValue: name).map(TokenKind.keyword) ?? .identifier(name), from: start)
    }

    private mutating func string(from start: Int) {
        var value = String.UnicodeScalarView()
        let startLine = line, startColumn = start - lineStart + 1
        while index < scalars.count {
            let c = advance()
            switch c {
            case "\"":
                emit(.string(String(value)), from: start, line: startLine, column: startColumn)
                return
            case "\\":
                let escapeStart = index - 1
                if let scalar = escape() {
                    value.append(scalar)
                } else {
                    report(.malformed, .unknownEscape(spelling: text(from: escapeStart)), from: escapeStart)
                }
            case "\n":
                value.append(c)
                line += 1
                lineStart = index
            default:
                value.append(c)
            }
        }
        let range = SourceRange(offset: start, line: startLine, column: startColumn, length: 1)
        problems.append(LexProblem(reason: .unterminatedString,
                                   error: FinchError(SyntaxFailure.unterminatedString, at: range)))
    }

    /// Reads the escape after a backslash; nil if it is not one Finch knows.
    private mutating func escape() -> Unicode.Scalar? {
        guard index < scalars.count else { return nil }
        switch advance() {
        case "n": return "\n"
        case "t": return "\t"
        case "r": return "\r"
        case "0": return "\0"
        case "\"": return "\""
        case "\\": return "\\"
        case "u":
            guard match("{") else { return nil }
            var digits = ""
            while index < scalars.count, scalars[index].properties.isASCIIHexDigit { digits.unicodeScalars.append(advance()) }
            guard match("}"), let code = UInt32(digits, radix: 16) else { return nil }
            return Unicode.Scalar(code)
        default: return nil
        }
    }

    // MARK: Brackets and newlines

    private mutating func open(_ kind: TokenKind, at start: Int) {
        openers.append(kind)
        emit(kind, from: start)
    }

    private mutating func close(_ kind: TokenKind, opener: TokenKind, at start: Int) {
        if openers.last == opener { openers.removeLast() }
        emit(kind, from: start)
    }

    private mutating func emitNewline(at start: Int) {
        let insideExpression = openers.last == .leftParen || openers.last == .leftBracket
        guard !insideExpression, let last = tokens.last, last.kind != .newline else { return }
        emit(.newline, from: start)
    }

    // MARK: Helpers

    private mutating func emit(_ kind: TokenKind, from start: Int) {
        emit(kind, from: start, line: line, column: start - lineStart + 1)
    }

    private mutating func emit(_ kind: TokenKind, from start: Int, line: Int, column: Int) {
        tokens.append(Token(kind: kind, range: SourceRange(offset: start, line: line, column: column, length: index - start)))
    }

    private mutating func report(_ reason: LexProblem.Reason, _ failure: SyntaxFailure, from start: Int) {
        let error = FinchError(failure, at: range(from: start, length: max(1, index - start)))
        problems.append(LexProblem(reason: reason, error: error))
    }

    private func range(from start: Int, length: Int) -> SourceRange {
        SourceRange(offset: start, line: line, column: start - lineStart + 1, length: length)
    }

    private func text(from start: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<index]))
    }

    private mutating func advance() -> Unicode.Scalar {
        defer { index += 1 }
        return scalars[index]
    }

    private mutating func match(_ expected: Unicode.Scalar) -> Bool {
        guard peek() == expected else { return false }
        index += 1
        return true
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar {
        index + ahead < scalars.count ? scalars[index + ahead] : "\0"
    }

    /// Whether `c` is an ASCII digit.
    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }

    /// Whether `c` can start a name: a letter or `_`.
    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || (c.value > 127 && c.properties.isAlphabetic)
    }

    /// Whether `c` can continue a name: a letter, a digit or `_`.
    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || isDigit(c)
    }
}
