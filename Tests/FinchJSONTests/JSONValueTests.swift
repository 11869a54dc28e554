import FinchJSON
import Testing

@Suite struct JSONValueTests {
    @Test func readsMembersAndElementsOfTheRightKindOnly() {
        let value: JSONValue = ["s": "x", "i": 3, "d": 2.0, "f": 2.5, "b": true, "a": [1], "o": ["k": nil]]
        #expect(value["s"]?.stringValue == "x" && value["i"]?.stringValue == nil)
        #expect(value["i"]?.intValue == 3 && value["d"]?.intValue == 2 && value["f"]?.intValue == nil)
        #expect(value["i"]?.doubleValue == 3 && value["f"]?.doubleValue == 2.5 && value["s"]?.doubleValue == nil)
        #expect(value["b"]?.boolValue == true && value["i"]?.boolValue == nil)
        #expect(value["a"]?.arrayValue == [1] && value["o"]?.arrayValue == nil)
        #expect(value["o"]?.objectValue == ["k": nil] && value["a"]?.objectValue == nil)
        #expect(value["missing"] == nil && value["a"]?["k"] == nil)
    }

    @Test func readsAHugeDoubleAsNoInteger() {
        #expect(JSONValue.double(1e16).intValue == nil)
    }

    @Test func replacingAMemberKeepsItsPlace() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 3
        object["c"] = 4
        object["b"] = nil
        object["missing"] = nil
        #expect(object.members.map(\.key) == ["a", "c"])
        #expect(object["a"] == 3)
        #expect(!object.isEmpty && JSONObject().isEmpty)
    }

    @Test func buildsAnObjectFromPairsKeepingTheFirstPlaceAndLastValue() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.members.map(\.key) == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test func comparesObjectsWhateverTheirOrder() {
        let object: JSONObject = ["a": 1, "b": 2]
        #expect(object == ["b": 2, "a": 1])
        #expect(object != ["a": 1])
        #expect(object != ["a": 1, "b": 3])
        #expect(JSONValue.int(1) != .double(1))
    }
}
