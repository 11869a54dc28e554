import FinchDisplay

internal import FinchJSON

/// A value of the Finch language. Every value has a text form (``Value/text``).
enum Value: Equatable, Sendable {
    /// The absence of a value.
    case none
    /// `true` or `false`.
    case bool(Bool)
    /// A number; integral numbers show without `.0`.
    case number(Double)
    /// Text.
    case string(String)
    /// A bare word accepted by a parameter with allowed values, e.g. `cosine`.
    case symbol(String)
    /// An ordered list of values.
    case list([Value])
    /// A range of whole numbers, e.g. `1..5` or `0..<5`.
    case range(RangeValue)
    /// Named fields, e.g. the result of a command.
    case record(Record)
    /// A rich object: a model, a run, a data set, a table, a chart (see ``FinchObject``).
    case object(ObjectRef)

    /// The type's name, as inspection shows it: `number`, `list`, …
    var typeName: String {
        switch self {
        case .none: "none"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .symbol: "symbol"
        case .list: "list"
        case .range: "range"
        case .record(let record): record.typeName
        case .object(let ref): ref.object.typeName
        }
    }

    /// The type's name with an article, as error messages use it: `a number`, `none`.
    var typeDescription: String {
        switch self {
        case .none: "none"
        case .record(let record): "a \(record.typeName) record"
        default: "a \(typeName)"
        }
    }

    /// The text form used for results and inside lists: strings quoted.
    var text: String {
        switch self {
        case .none: "none"
        case .bool(let value): value ? "true" : "false"
        case .number(let value): Value.format(value)
        case .string(let value): Value.stringText(value)
        case .symbol(let name): name
        case .list(let elements): Value.listText(elements)
        case .range(let range): range.text
        case .record(let record): record.text
        case .object(let ref): ref.object.text
        }
    }

    /// Lists longer than this show their first and last few elements and their length, so a
    /// result of millions of elements stays a line a front end can show.
    static let fullListLimit = 1000

    /// Strings longer than this (in UTF-8 bytes) show their beginning and their length.
    static let fullStringLimit = 10_000

    /// The string quoted, or for one over ``fullStringLimit`` bytes its first thousand characters
    /// quoted, then `… (N characters)`; `print` still writes it whole.
    private static func stringText(_ value: String) -> String {
        guard value.utf8.count > fullStringLimit else { return quote(value) }
        return quote(String(value.prefix(1000))) + "… (" + NumberFormat.count.string(value.count) + " characters)"
    }

    /// `[1, 2, 3]`, or for a list over ``fullListLimit`` elements `[1, 2, …, 9, 10] (10 elements)`.
    private static func listText(_ elements: [Value]) -> String {
        guard elements.count > fullListLimit else { return "[" + elements.map(\.text).joined(separator: ", ") + "]" }
        let ends = 5
        let shown = elements.prefix(ends).map(\.text) + ["…"] + elements.suffix(ends).map(\.text)
        return "[" + shown.joined(separator: ", ") + "] (" + NumberFormat.count.string(elements.count) + " elements)"
    }

    /// The text form `print` uses: strings raw, everything else as ``text``.
    var printed: String {
        if case .string(let value) = self { value } else { text }
    }

    /// Formats a number: whole numbers without a fraction, others as Swift prints a Double.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A single-precision number (an engine setting such as a dropout rate) in the shortest
    /// decimal form that reads back as it: `0.1`, not `0.10000000149011612`.
    static func format(_ value: Float) -> String {
        format(Double(value.description) ?? Double(value))
    }

    /// A string as Finch source writes it, quoted and escaped (`\u{…}` for control characters
    /// without a short escape); JSON's quoting with Finch's spelling of those characters.
    static func quote(_ text: String) -> String {
        StringQuoting.quoted(text) { "\\u{" + String($0.value, radix: 16) + "}" }
    }
}
