extension JSONValue {
    /// The compact JSON text of this value: no white space, object members in insertion order,
    /// integers as digits, doubles in their shortest exact form (whole ones below 1e15 as `2.0`),
    /// and non-finite numbers, which JSON cannot hold, as `null`.
    public var serialized: String {
        var output = ""
        write(to: &output)
        return output
    }

    /// The compact JSON text as UTF-8 bytes, as sent on the wire.
    public var serializedBytes: [UInt8] { Array(serialized.utf8) }

    private func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .int(let number): output += String(number)
        case .double(let number): output += Self.text(of: number)
        case .string(let text): StringQuoting.write(text, to: &output, control: StringQuoting.jsonControl)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                element.write(to: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            for (index, member) in object.members.enumerated() {
                if index > 0 { output += "," }
                StringQuoting.write(member.key, to: &output, control: StringQuoting.jsonControl)
                output += ":"
                member.value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func text(of number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) + ".0" }
        return "\(number)"
    }
}
