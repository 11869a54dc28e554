/// A table column: its header, how its numbers are written, and which value, if any, is marked
/// as the best.
///
/// A string literal is a column with the standard format and no best mark.
public struct Column: Sendable, Equatable, ExpressibleByStringLiteral {
    /// Which end of a column holds its best value.
    public enum Best: Sendable, Equatable {
        /// The largest number is best (accuracy).
        case max
        /// The smallest number is best (loss).
        case min
    }

    /// The header.
    public var name: String
    /// How the column's numbers are written.
    public var format: NumberFormat
    /// Which number to mark as best (`*` in text, bold in HTML and Markdown); none if nil.
    public var best: Best?

    /// A column named `name`.
    public init(_ name: String, format: NumberFormat = .standard, best: Best? = nil) {
        self.name = name
        self.format = format
        self.best = best
    }

    /// A column with the standard format and no best mark.
    public init(stringLiteral name: String) { self.init(name) }
}
