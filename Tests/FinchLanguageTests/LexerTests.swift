@testable import FinchLanguage
import Testing

@Suite struct LexerTests {
    private func kinds(_ source: String) -> [TokenKind] {
        Lexer.scan(source).tokens.map(\.kind)
    }

    @Test func numbersIncludeFractionsAndExponents() {
        #expect(kinds("3 2.5 1e-3 4E2") == [.number(3), .number(2.5), .number(0.001), .number(400), .end])
    }

    @Test func aRangeAfterANumberIsNotAFraction() {
        #expect(kinds("1..5 0..<5") == [.number(1), .dotDot, .number(5), .number(0), .dotDotLess, .number(5), .end])
    }

    @Test func stringsDecodeEscapes() {
        #expect(kinds(#""a\n\t\"\\\u{41}""#) == [.string("a\n\t\"\\A"), .end])
    }

    @Test func keywordsAreNotIdentifiers() {
        #expect(kinds("for x in xs") == [.keyword(.for), .identifier("x"), .keyword(.in), .identifier("xs"), .end])
    }

    @Test func operatorsOfTwoCharacters() {
        #expect(kinds("== != <= >= < > = ^") == [.equalEqual, .bangEqual, .lessEqual, .greaterEqual, .less, .greater, .equal, .caret, .end])
    }

    @Test func commentsAndBlankLinesVanish() {
        #expect(kinds("a # note\n\n\nb") == [.identifier("a"), .newline, .identifier("b"), .end])
    }

    @Test func newlinesInsideParenthesesAndBracketsAreIgnored() {
        #expect(kinds("[1,\n2]\n(3\n)") == [.leftBracket, .number(1), .comma, .number(2), .rightBracket, .newline,
                                           .leftParen, .number(3), .rightParen, .end])
    }

    @Test func newlinesInsideBracesSeparateStatements() {
        #expect(kinds("{a\nb}") == [.leftBrace, .identifier("a"), .newline, .identifier("b"), .rightBrace, .end])
    }

    @Test func tokensKnowLineAndColumn() {
        let tokens = Lexer.scan("x = 1\n  yy").tokens
        #expect(tokens[4].range == SourceRange(offset: 8, line: 2, column: 3, length: 2))
    }

    @Test func columnsCountUnicodeScalars() {
        let tokens = Lexer.scan("\"é🐦\" x").tokens
        #expect(tokens[1].range == SourceRange(offset: 5, line: 1, column: 6, length: 1))
    }

    @Test func unexpectedCharacterIsReported() {
        let problem = Lexer.scan("x = 1 @ 2").problems.first
        #expect(problem?.reason == .unexpectedCharacter)
        #expect(problem?.error == FinchError(.syntax, "unexpected character '@'", at: SourceRange(offset: 6, line: 1, column: 7, length: 1)))
    }

    @Test func bangAloneSuggestsNot() {
        #expect(Lexer.scan("!x").problems.first?.error.note == "use 'not' to negate")
    }

    @Test func unterminatedStringPointsAtItsQuote() {
        let problem = Lexer.scan("x = \"abc").problems.first
        #expect(problem?.reason == .unterminatedString)
        #expect(problem?.error.range == SourceRange(offset: 4, line: 1, column: 5, length: 1))
        #expect(problem?.error.message == "unterminated string")
    }

    @Test func unknownEscapeIsMalformed() {
        let problem = Lexer.scan(#""a\qb""#).problems.first
        #expect(problem?.reason == .malformed)
        #expect(problem?.error.message == #"unknown escape sequence '\q'"#)
    }

    @Test func exponentWithoutDigitsIsMalformed() {
        #expect(Lexer.scan("1e-").problems.first?.error.message == "malformed number '1e-'")
    }

    @Test func stringsMaySpanLines() {
        #expect(kinds("\"a\nb\" c") == [.string("a\nb"), .identifier("c"), .end])
        #expect(Lexer.scan("\"a\nb\" c").tokens[1].range.line == 2)
    }
}
