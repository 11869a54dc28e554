/// Finch values as JSON text, for `export … to "x.json"` and checkpoint metadata.
enum JSONText {
    /// `value` as JSON: numbers, strings, booleans, null, arrays; records and objects as objects.
    static func encode(_ value: Value) -> String {
        switch value {
        case .none: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.isFinite ? Value.format(number) : "null"
        case .string(let text), .symbol(let text): return string(text)
        case .list(let elements): return "[" + elements.map(encode).joined(separator: ",") + "]"
        case .range(let span): return "[" + (0..<span.count).map { String(span.lower + $0) }.joined(separator: ",") + "]"
        case .record(let record): return object(record.fields.map { ($0.name, $0.value) })
        case .object(let ref):
            if let table = ref.object as? TableObject {
                let names = table.table.columns.map(\.name)
                return "[" + table.table.rows.map { row in
                    object(zip(names, row).map { ($0, TableObject.value(of: $1)) })
                }.joined(separator: ",") + "]"
            }
            return object(ref.object.properties.compactMap { property in
                guard let value = try? property.get(SourceRange(offset: 0, line: 1, column: 1, length: 0)) else { return nil }
                if case .object = value { return nil }
                return (property.name, value)
            })
        }
    }

    /// Names and values as a JSON object, in order.
    static func object(_ fields: [(String, Value)]) -> String {
        "{" + fields.map { string($0.0) + ":" + encode($0.1) }.joined(separator: ",") + "}"
    }

    /// `text` as a JSON string.
    static func string(_ text: String) -> String {
        Value.quote(text) { scalar in
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}

extension JSONText {
    /// The strings of a JSON array of strings written by ``encode(_:)`` (escapes `\"`, `\\`, `\n`).
    static func decodeStrings(_ text: String) -> [String] {
        var result: [String] = [], current = "", inside = false, escaped = false
        for character in text {
            if !inside {
                if character == "\"" { inside = true; current = "" }
                continue
            }
            if escaped {
                current.append(character == "n" ? "\n" : character == "t" ? "\t" : character == "r" ? "\r" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                result.append(current)
                inside = false
            } else {
                current.append(character)
            }
        }
        return result
    }
}
