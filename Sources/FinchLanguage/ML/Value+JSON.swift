internal import FinchJSON

/// Finch values as JSON, for `export … to "x.json"` and the class names in checkpoint metadata.
extension Value {
    /// This value as JSON: numbers (whole ones as integers, non-finite ones as null), strings and
    /// symbols as strings, `none` as null, lists and ranges as arrays, records and objects as
    /// objects, a table as an array of one object per row.
    var json: JSONValue {
        switch self {
        case .none: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number): return Value.json(number)
        case .string(let text), .symbol(let text): return .string(text)
        case .list(let elements): return .array(elements.map(\.json))
        case .range(let span): return .array((0..<span.count).map { .int(span.lower + $0) })
        case .record(let record): return .object(JSONObject(record.fields.map { ($0.name, $0.value.json) }))
        case .object(let ref):
            if let table = ref.object as? TableObject {
                let names = table.table.columns.map(\.name)
                return .array(table.table.rows.map { row in
                    .object(JSONObject(zip(names, row).map { ($0, TableObject.value(of: $1).json) }))
                })
            }
            return .object(JSONObject(ref.object.properties.compactMap { property in
                guard let value = try? property.get(SourceRange(offset: 0, line: 1, column: 1, length: 0)) else { return nil }
                if case .object = value { return nil }
                return (property.name, value.json)
            }))
        }
    }

    /// A number as ``format(_:)`` writes it: whole numbers below 1e15 as integers.
    private static func json(_ number: Double) -> JSONValue {
        number == number.rounded() && abs(number) < 1e15 ? .int(Int(number)) : .double(number)
    }
}
