import FinchJSON
import Testing

@Suite struct JSONWriterTests {
    @Test func roundTripsThroughItsOwnText() throws {
        let value: JSONValue = ["msg_type": "execute_request", "n": 3, "x": 0.25, "list": [nil, false, "a\u{01}b"]]
        #expect(try JSONValue.parse(value.serialized) == value)
    }

    @Test func writesCompactTextInInsertionOrder() {
        let value: JSONValue = ["z": 1, "a": ["q": "\"quoted\""], "f": 2.0]
        #expect(value.serialized == #"{"z":1,"a":{"q":"\"quoted\""},"f":2.0}"#)
    }

    @Test(arguments: [
        (JSONValue.int(-42), "-42"), (.int(Int.max), "9223372036854775807"), (.double(2), "2.0"), (.double(-0.5), "-0.5"),
        (.double(0.1), "0.1"), (.double(1e16), "1e+16"), (.double(1.0 / 3), "0.3333333333333333"),
        (.double(.leastNonzeroMagnitude), "5e-324"), (.double(1.7976931348623157e308), "1.7976931348623157e+308"),
    ])
    func writesNumbersThatReadBackExactly(_ value: JSONValue, _ text: String) throws {
        #expect(value.serialized == text)
        #expect(try JSONValue.parse(text) == value)
    }

    @Test func writesNonFiniteNumbersAsNull() {
        #expect(JSONValue.double(.nan).serialized == "null")
        #expect(JSONValue.double(-.infinity).serialized == "null")
    }

    @Test func escapesKeysAndStrings() {
        let value: JSONValue = ["a\"b": "\u{08}\u{0C}\u{1F}\\/é"]
        #expect(value.serialized == #"{"a\"b":"\b\f\u001f\\/é"}"#)
    }

    @Test func writesUTF8Bytes() {
        #expect(JSONValue.string("é").serializedBytes == [0x22, 0xC3, 0xA9, 0x22])
    }
}
