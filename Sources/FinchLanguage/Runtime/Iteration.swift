/// Walking and indexing the values that hold elements: lists, ranges and strings.
enum Iteration {
    /// Calls `body` with each element of `sequence`: list elements, range numbers, or a string's
    /// characters as strings.
    static func forEach(in sequence: Value, at range: SourceRange,
                        _ body: (Value) throws(FinchError) -> Void) throws(FinchError) {
        switch sequence {
        case .list(let elements):
            for element in elements { try body(element) }
        case .range(let span):
            for offset in 0..<span.count { try body(span.element(at: offset)) }
        case .string(let text):
            for character in text { try body(.string(String(character))) }
        default:
            throw FinchError(ElementFailure.cannotLoop(type: sequence.typeDescription), at: range)
        }
    }

    /// The element of `base` at `index`; negative indices count from the end.
    static func element(of base: Value, at index: Value, range: SourceRange) throws(FinchError) -> Value {
        if case .string(let name) = index { return try column(name, of: base, range: range) }
        let count: Int, element: (Int) -> Value
        switch base {
        case .list(let elements): (count, element) = (elements.count, { elements[$0] })
        case .range(let span): (count, element) = (span.count, span.element(at:))
        case .string(let text):
            let characters = Array(text)
            (count, element) = (characters.count, { .string(String(characters[$0])) })
        default: throw FinchError(ElementFailure.cannotIndex(type: base.typeDescription), at: range)
        }
        guard case .number(let number) = index else {
            throw FinchError(ElementFailure.indexNotNumber(type: index.typeDescription), at: range)
        }
        guard number == number.rounded(), abs(number) < 1e15 else {
            throw FinchError(ElementFailure.fractionalIndex(number), at: range)
        }
        let position = number < 0 ? Int(number) + count : Int(number)
        guard position >= 0, position < count else {
            throw FinchError(ElementFailure.indexOutOfRange(number, type: base.typeDescription, count: count), at: range)
        }
        return element(position)
    }

    /// `base["name"]`: a record's field, a table's column, or the field of every record of a list.
    private static func column(_ name: String, of base: Value, range: SourceRange) throws(FinchError) -> Value {
        switch base {
        case .record(let record):
            guard let field = record.fields.first(where: { $0.name == name }) else {
                throw FinchError(NameFailure.unknownField(name, type: record.typeName, fields: record.fields.map(\.name)), at: range)
            }
            return field.value
        case .list(let elements):
            guard let records = Record.all(elements) else {
                throw FinchError(ElementFailure.nameIndexOnList, at: range)
            }
            var values: [Value] = []
            for record in records {
                values.append(try column(name, of: .record(record), range: range))
            }
            return .list(values)
        default:
            if let table = base.object(TableObject.self) {
                let names = table.table.columns.map(\.name)
                guard let position = names.firstIndex(of: name) else {
                    throw FinchError(NameFailure.unknownColumn(name, columns: names), at: range)
                }
                return .list(table.table.rows.map { TableObject.value(of: $0[position]) })
            }
            throw FinchError(ElementFailure.cannotIndexByName(type: base.typeDescription), at: range)
        }
    }
}
