@testable import FinchKernel
import Testing

@Suite struct JSONTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(#"{"a": [1, -2.5, 1e3, true, false, null], "b": "x\ny", "c": {}}"#)
        #expect(value["a"] == [1, -2.5, 1000.0, true, false, nil])
        #expect(value["b"] == "x\ny")
        #expect(value["c"] == .object(JSONObject()))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONValue.parse(#""\u00e9\ud83d\ude00\t\"\\\/""#)
        #expect(value == "é😀\t\"\\/")
    }

    @Test func keepsRawUnicode() throws {
        #expect(try JSONValue.parse("\"naïve → 🐦\"") == "naïve → 🐦")
    }

    @Test func roundTripsThroughItsOwnText() throws {
        let value: JSONValue = ["msg_type": "execute_request", "n": 3, "x": 0.25, "list": [nil, false, "a\u{01}b"]]
        #expect(try JSONValue.parse(value.serialized) == value)
    }

    @Test func writesCompactTextInInsertionOrder() {
        let value: JSONValue = ["z": 1, "a": ["q": "\"quoted\""], "f": 2.0]
        #expect(value.serialized == #"{"z":1,"a":{"q":"\"quoted\""},"f":2.0}"#)
    }

    @Test func writesNonFiniteNumbersAsNull() {
        #expect(JSONValue.double(.nan).serialized == "null")
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"abc", "01x", "[1] 2", "\"\u{01}\"", "{1:2}", "-", "1.", "\"\\x\""])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test func refusesHostileNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
    }

    @Test func replacingAMemberKeepsItsPlace() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 3
        object["c"] = 4
        object["b"] = nil
        #expect(object.members.map(\.key) == ["a", "c"])
        #expect(object["a"] == 3)
    }
}
