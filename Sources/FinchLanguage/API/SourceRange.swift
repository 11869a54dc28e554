/// A span of a cell's source: where a token, an expression or an error sits.
///
/// Offsets, columns and lengths count Unicode scalars, as the Jupyter protocol (≥ 5.2) does.
public struct SourceRange: Sendable, Equatable {
    /// Offset of the first scalar from the start of the source.
    public let offset: Int
    /// Line of the first scalar, from 1.
    public let line: Int
    /// Column of the first scalar on its line, from 1.
    public let column: Int
    /// Number of scalars covered; may run past the end of the first line.
    public let length: Int

    /// A range starting at `offset` (on `line`, `column`) and covering `length` scalars.
    public init(offset: Int, line: Int, column: Int, length: Int) {
        self.offset = offset
        self.line = line
        self.column = column
        self.length = length
    }

    /// Offset just past the last scalar.
    var end: Int { offset + length }

    /// The range from the start of `self` to the end of `other`.
    func through(_ other: SourceRange) -> SourceRange {
        SourceRange(offset: offset, line: line, column: column, length: max(other.end - offset, length))
    }
}
