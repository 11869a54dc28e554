/// A property of one value, readable with `value.name`, with the doc inspection shows.
struct Property {
    /// The name after the dot.
    let name: String
    /// What the property gives.
    let doc: String
    /// Reads the property; `range` is where its name was written, for errors.
    let get: (_ range: SourceRange) throws(FinchError) -> Value

    /// A property `name` documented by `doc`, read by `get`.
    init(_ name: String, _ doc: String, get: @escaping (_ range: SourceRange) throws(FinchError) -> Value) {
        self.name = name
        self.doc = doc
        self.get = get
    }
}

/// The properties of each type of value: fixed ones for lists, ranges and strings, the fields
/// for records.
enum Properties {
    /// The properties of `value`, sorted by name.
    static func available(on value: Value) -> [Property] {
        switch value {
        case .list(let elements): list(elements)
        case .range(let span): range(span)
        case .string(let text): string(text)
        case .record(let record):
            record.fields.map { field in
                Property(field.name, "the field '\(field.name)' of this \(record.typeName) record") { _ in field.value }
            }
        case .object(let ref): ref.object.properties
        default: []
        }
    }

    /// The property `name` of `value`, or a name error suggesting the closest property.
    static func value(of name: Name, on value: Value) throws(FinchError) -> Value {
        let properties = available(on: value)
        guard let property = properties.first(where: { $0.name == name.text }) else {
            if properties.isEmpty {
                throw FinchError(NameFailure.noProperties(type: value.typeDescription), at: name.range)
            }
            throw FinchError(NameFailure.unknownProperty(name.text, type: value.typeDescription, properties: properties.map(\.name)),
                             at: name.range)
        }
        return try property.get(name.range)
    }

    private static func list(_ elements: [Value]) -> [Property] {
        [
            Property("first", "the first element of the list") { range throws(FinchError) in
                guard let first = elements.first else { throw FinchError(ElementFailure.empty(container: "list"), at: range) }
                return first
            },
            Property("isEmpty", "whether the list has no elements") { _ in .bool(elements.isEmpty) },
            Property("last", "the last element of the list") { range throws(FinchError) in
                guard let last = elements.last else { throw FinchError(ElementFailure.empty(container: "list"), at: range) }
                return last
            },
            Property("length", "the number of elements in the list") { _ in .number(Double(elements.count)) },
            Property("reversed", "the elements in the opposite order") { _ in .list(elements.reversed()) },
            Property("sorted", "the elements from smallest to largest (numbers or strings)") { range throws(FinchError) in
                .list(try sorted(elements, range))
            },
        ]
    }

    private static func range(_ span: RangeValue) -> [Property] {
        [
            Property("end", "the upper bound as written: included in 'a..b', excluded from 'a..<b'") { _ in
                .number(Double(span.upper))
            },
            Property("first", "the first number of the range") { range throws(FinchError) in
                guard span.count > 0 else { throw FinchError(ElementFailure.empty(container: "range"), at: range) }
                return span.element(at: 0)
            },
            Property("last", "the last number of the range") { range throws(FinchError) in
                guard span.count > 0 else { throw FinchError(ElementFailure.empty(container: "range"), at: range) }
                return span.element(at: span.count - 1)
            },
            Property("length", "how many numbers the range holds") { _ in .number(Double(span.count)) },
            Property("list", "the numbers of the range as a list") { range throws(FinchError) in
                guard span.count <= Interpreter.maxListCount else { throw Interpreter.tooLong(at: range) }
                return .list((0..<span.count).map(span.element(at:)))
            },
            Property("start", "the first number of the range, as written") { _ in .number(Double(span.lower)) },
        ]
    }

    private static func string(_ text: String) -> [Property] {
        [
            Property("isEmpty", "whether the string has no characters") { _ in .bool(text.isEmpty) },
            Property("length", "the number of characters in the string") { _ in .number(Double(text.count)) },
            Property("lower", "the string in lower case") { _ in .string(text.lowercased()) },
            Property("upper", "the string in upper case") { _ in .string(text.uppercased()) },
        ]
    }

    private static func sorted(_ elements: [Value], _ range: SourceRange) throws(FinchError) -> [Value] {
        if let numbers = Functions.numbers(in: elements) { return numbers.sorted().map(Value.number) }
        let strings = elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
        guard strings.count == elements.count else {
            throw FinchError(ElementFailure.unsortable, at: range)
        }
        return strings.sorted().map(Value.string)
    }
}
