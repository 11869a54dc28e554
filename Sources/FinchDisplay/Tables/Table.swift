/// A table of results: aligned columns in text, an HTML table, CSV and Markdown, all carrying the
/// same numbers.
///
/// ```swift
/// let table = Table(columns: ["step", Column("val loss", best: .min)],
///                   rows: [[100, 0.52], [200, 0.47]], caption: "Validation")
/// print(table.render(width: 80))
/// ```
public struct Table: Sendable, Equatable {
    /// The columns, left to right.
    public var columns: [Column]
    /// The rows; short rows are padded with empty cells, extra cells are ignored.
    public var rows: [[Cell]]
    /// A title shown above the table.
    public var caption: String?
    /// Lines shown under the table, such as totals.
    public var notes: [String]
    /// Text and HTML show at most this many rows (the first and last ones, with a note);
    /// CSV and Markdown always hold every row.
    public var maxRows: Int

    /// A table with `columns` and `rows`.
    public init(columns: [Column], rows: [[Cell]], caption: String? = nil, notes: [String] = [],
                maxRows: Int = 40) {
        self.columns = columns
        self.rows = rows
        self.caption = caption
        self.notes = notes
        self.maxRows = max(2, maxRows)
    }

    /// The table as `text/plain` (aligned to `width` columns) and `text/html`.
    public func bundle(width: Int = 80) -> MimeBundle {
        MimeBundle(plainText: render(width: width)).adding("text/html", html)
    }
}
