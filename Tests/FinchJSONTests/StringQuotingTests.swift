import FinchJSON
import Testing

@Suite struct StringQuotingTests {
    @Test func escapesQuotesBackslashesAndLineBreaks() {
        #expect(StringQuoting.quoted("say \"hi\"\\\n\t\r") == #""say \"hi\"\\\n\t\r""#)
    }

    @Test func spellsOtherControlCharactersAsJSONDoesByDefault() {
        #expect(StringQuoting.quoted("\u{00}\u{08}\u{0C}\u{1B}") == #""\u0000\b\f\u001b""#)
    }

    @Test func spellsOtherControlCharactersAsTheCallerSays() {
        #expect(StringQuoting.quoted("a\u{1B}\u{08}\n") { "<\($0.value)>" } == #""a<27><8>\n""#)
    }

    @Test func leavesEverythingElseAlone() {
        #expect(StringQuoting.quoted("/é🐦\u{7F}") == "\"/é🐦\u{7F}\"")
    }
}
