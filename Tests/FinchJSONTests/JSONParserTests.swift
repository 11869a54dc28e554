import FinchJSON
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(#"{"a": [1, -2.5, 1e3, true, false, null], "b": "x\ny", "c": {}}"#)
        #expect(value["a"] == [1, -2.5, 1000.0, true, false, nil])
        #expect(value["b"] == "x\ny")
        #expect(value["c"] == .object(JSONObject()))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONValue.parse(#""\u00e9\ud83d\ude00\t\"\\\/\b\f\r\n""#)
        #expect(value == "é😀\t\"\\/\u{08}\u{0C}\r\n")
    }

    @Test(arguments: [#""\ud83d""#, #""\ud83dx""#, #""\ud83d\u0041""#, #""\ude00""#])
    func readsALoneSurrogateAsTheReplacementCharacter(_ text: String) throws {
        #expect(try JSONValue.parse(text).stringValue?.unicodeScalars.first == "\u{FFFD}")
    }

    @Test func keepsRawUnicode() throws {
        #expect(try JSONValue.parse("\"naïve → 🐦\"") == "naïve → 🐦")
    }

    @Test func readsBytesAsWellAsText() throws {
        let bytes: [UInt8] = Array(#"xx{"k": [1]}"#.utf8)
        #expect(try JSONValue.parse(bytes[2...]) == ["k": [1]])
    }

    @Test func keepsIntegersApartFromOtherNumbers() throws {
        #expect(try JSONValue.parse("[3, -0, 0.5, 3.0, 3e0, 9223372036854775807, 9223372036854775808]")
            == [.int(3), .int(0), .double(0.5), .double(3), .double(3), .int(Int.max), .double(9_223_372_036_854_775_808)])
    }

    @Test func skipsWhiteSpaceAroundTokens() throws {
        #expect(try JSONValue.parse(" \t\r\n{ \"a\" : [ 1 , 2 ] }\n        ") == ["a": [1, 2]])
    }

    @Test(arguments: [
        ("", JSONParseError(.unexpectedEnd, at: 0)),
        ("{", JSONParseError(.expectedKey, at: 1)),
        ("[1,]", JSONParseError(.unexpectedCharacter, at: 3)),
        ("[1", JSONParseError(.unexpectedEnd, at: 2)),
        ("[1 2]", JSONParseError(.expectedCommaOrBracket, at: 3)),
        ("{\"a\" 1}", JSONParseError(.expectedColon, at: 5)),
        ("{\"a\": 1 \"b\"}", JSONParseError(.expectedCommaOrBrace, at: 8)),
        ("{\"a\": 1", JSONParseError(.unexpectedEnd, at: 7)),
        ("{1:2}", JSONParseError(.expectedKey, at: 1)),
        ("tru", JSONParseError(.unexpectedEnd, at: 0)),
        ("nul!", JSONParseError(.invalidLiteral, at: 0)),
        ("\"abc", JSONParseError(.unterminatedString, at: 4)),
        ("01x", JSONParseError(.trailingData, at: 1)),
        ("-01", JSONParseError(.trailingData, at: 2)),
        ("[00]", JSONParseError(.expectedCommaOrBracket, at: 2)),
        ("[1] 2", JSONParseError(.trailingData, at: 4)),
        ("\"\u{01}\"", JSONParseError(.controlCharacterInString, at: 1)),
        ("-", JSONParseError(.expectedDigit, at: 1)),
        ("-x", JSONParseError(.expectedDigit, at: 1)),
        ("1.", JSONParseError(.expectedFractionDigit, at: 2)),
        ("1e+", JSONParseError(.expectedExponentDigit, at: 3)),
        ("\"\\x\"", JSONParseError(.invalidEscape, at: 3)),
        ("\"\\", JSONParseError(.unterminatedEscape, at: 2)),
        ("\"\\u12\"", JSONParseError(.unterminatedUnicodeEscape, at: 3)),
        ("\"\\u12g4\"", JSONParseError(.invalidHexDigit, at: 5)),
        ("+1", JSONParseError(.unexpectedCharacter, at: 0)),
    ])
    func rejectsMalformedTextSayingWhatAndWhere(_ text: String, _ error: JSONParseError) {
        #expect(throws: error) { try JSONValue.parse(text) }
    }

    @Test func describesTheErrorWithItsByteOffset() {
        #expect(JSONParseError(.expectedColon, at: 5).description == "invalid JSON at byte 5: expected ':'")
        #expect(JSONParseError(.invalidHexDigit, at: 2).description == "invalid JSON at byte 2: invalid hex digit in \\u escape")
    }

    @Test func nestsUpToTheMaximumDepth() throws {
        let depth = JSONValue.maximumDepth
        let deepest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try JSONValue.parse(deepest).arrayValue?.count == 1)
        let deeper = "[" + deepest + "]"
        #expect(throws: JSONParseError(.nestedTooDeeply, at: depth)) { try JSONValue.parse(deeper) }
    }

    @Test func refusesHostileNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError(.nestedTooDeeply, at: JSONValue.maximumDepth)) { try JSONValue.parse(deep) }
    }

    @Test func aParseAsksWhetherToStopEveryFewThousandValuesAndStopsWhenTold() throws {
        let text = "[" + (0..<40_000).map { #"{"n": \#($0), "s": [1, 2]}"# }.joined(separator: ",") + "]"
        var questions = 0
        let value = try JSONValue.parse(Array(text.utf8), stoppingWhen: { questions += 1; return false })
        #expect(value.arrayValue?.count == 40_000)
        #expect(value == (try JSONValue.parse(text)))
        #expect(questions == 40_000 * 5 / 16_384, "1 + 40,000 × 5 values, one question per 16,384")
        questions = 0
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array(text.utf8), stoppingWhen: { questions += 1; return questions == 2 }) }
        do { _ = try JSONValue.parse(Array(text.utf8), stoppingWhen: { true }) } catch { #expect(error.reason == .stopped) }
    }
}
