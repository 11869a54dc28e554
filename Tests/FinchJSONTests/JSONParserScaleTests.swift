import FinchJSON
import Testing

/// Parsing is linear in the size of the input, whatever it holds: these inputs took minutes or
/// never finished when strings were built by repeated concatenation and object keys were found by
/// a linear scan (see `Tests/README.md` for the figures).
@Suite struct JSONParserScaleTests {
    @Test func decodesAMultiMegabyteStringFullOfEscapes() throws {
        let unit = #"print \"a\"\n\t\u00e9\\ \ud83d\ude00 "#
        let expected = "print \"a\"\n\té\\ 😀 "
        let repeats = 200_000
        let text = #"{"code":""# + String(repeating: unit, count: repeats) + #""}"#
        #expect(text.utf8.count > 6_000_000)
        let code = try #require(try JSONValue.parse(text)["code"]?.stringValue)
        #expect(code.utf8.count == expected.utf8.count * repeats)
        #expect(code.hasPrefix(expected + expected))
        #expect(code == String(repeating: expected, count: repeats))
    }

    @Test func decodesAStringWhoseOnlyEscapeIsAtTheEnd() throws {
        let body = String(repeating: "x", count: 1_000_000)
        #expect(try JSONValue.parse("\"" + body + #"\n""#) == .string(body + "\n"))
    }

    @Test func readsAnObjectWithAHundredThousandKeys() throws {
        let count = 100_000
        let members = (0..<count).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")
        let object = try #require(try JSONValue.parse("{" + members + #","k7":"again"}"#).objectValue)
        #expect(object.members.count == count)
        #expect(object.members[7].key == "k7" && object.members[7].value == "again")
        #expect(object.members.last?.key == "k\(count - 1)")
        #expect(object["k\(count - 1)"] == .int(count - 1))
    }

    @Test func aRepeatedKeyKeepsItsFirstPlaceAndItsLastValueInASmallObject() throws {
        let object = try #require(try JSONValue.parse(#"{"a":1,"b":2,"a":3}"#).objectValue)
        #expect(object.members.map(\.key) == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test func buildsAnObjectFromAHundredThousandMembersKeepingTheLastOfARepeatedKey() {
        let object = JSONObject((0..<100_000).map { ("k\($0)", JSONValue.int($0)) } + [("k3", "again")])
        #expect(object.members.count == 100_000)
        #expect(object.members[3].value == "again")
        #expect(object.members.last?.key == "k99999")
    }
}
