/// One value in a table: a number (formatted by its column's `NumberFormat`), text, or nothing.
///
/// Literals work: `[1, 2.303, "relu"]` is a row of three cells.
public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral {
    /// A number, right-aligned and formatted by the column.
    case number(Double)
    /// Text, shown as is (escaped in HTML).
    case text(String)
    /// No value; shown blank.
    case empty

    /// A text cell from a string literal.
    public init(stringLiteral value: String) { self = .text(value) }
    /// A number cell from a floating-point literal.
    public init(floatLiteral value: Double) { self = .number(value) }
    /// A number cell from an integer literal.
    public init(integerLiteral value: Int) { self = .number(Double(value)) }

    /// The number, if this is a number cell.
    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}
