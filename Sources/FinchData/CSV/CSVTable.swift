import FinchEngine

/// A CSV file as text: a header row naming the columns, and data rows of the header's width.
///
/// Cells are kept as written (quotes removed); `dataset(text:features:label:standardize:)` turns a
/// table into a `Dataset`. scikit-learn's bundled format (a first line of sample count, feature
/// count and class names, then rows of features and a class id) is read too: its columns are named
/// `f1`, `f2`, … and `target`, and `classNames` holds the names its class ids index.
public struct CSVTable: Equatable, Sendable {
    /// Where the table came from (a file path, or a name for text given directly).
    public let path: String
    /// Column names from the header row, trimmed of surrounding spaces.
    public let header: [String]
    /// Data rows; each has `header.count` cells.
    public let rows: [[String]]
    /// The line (1-based) each data row starts on, for error messages.
    public let lines: [Int]
    /// The class names a scikit-learn file declares for the ids in its `target` column; nil for
    /// an ordinary CSV file.
    public let classNames: [String]?

    /// A table from its parts; `classNames` as for scikit-learn's format.
    init(path: String, header: [String], rows: [[String]], lines: [Int], classNames: [String]? = nil) {
        self.path = path
        self.header = header
        self.rows = rows
        self.lines = lines
        self.classNames = classNames
    }

    /// Parses `text` as RFC 4180 CSV whose first non-blank record is the header; `path` names
    /// the text in errors. Blank lines are skipped; line breaks may be CRLF, LF or CR. Stops
    /// with ``DataError/cancelled`` when `cancellation` is requested.
    public static func parse(_ text: String, path: String, cancellation: Cancellation = .never) throws(DataError) -> CSVTable {
        var parser = CSVParser(text: text, path: path)
        let records = try parser.records(cancellation: cancellation)
        guard let head = records.first else {
            throw .csvSyntax(path: path, line: 1, column: 1,
                             message: "the file is empty; a CSV file starts with a header row naming its columns")
        }
        if let layout = try ScikitLearnLayout(header: head, records: records.dropFirst(), path: path) {
            return layout.table(records.dropFirst(), path: path)
        }
        let header = head.fields.map(trimmed)
        var seen: Set<String> = []
        for name in header where !seen.insert(name).inserted {
            throw .csvSyntax(path: path, line: head.line, column: 1,
                             message: "the header names the column '\(name)' twice; give every column its own name")
        }
        for record in records.dropFirst() where record.fields.count != header.count {
            throw .csvSyntax(path: path, line: record.line, column: 1,
                             message: "this row has \(record.fields.count) fields but the header has \(header.count); "
                                 + "check for a missing or extra comma, or quote fields that contain commas")
        }
        return CSVTable(path: path, header: header, rows: records.dropFirst().map(\.fields), lines: records.dropFirst().map(\.line))
    }

    /// Reads and parses the UTF-8 CSV file at `path` (inflated first if its name ends in `.gz`);
    /// stops with ``DataError/cancelled`` when `cancellation` is requested.
    public static func load(path: String, cancellation: Cancellation = .never) throws(DataError) -> CSVTable {
        try parse(decodeUTF8(readBytes(path: path, cancellation: cancellation), path: path, cancellation: cancellation), path: path, cancellation: cancellation)
    }

    /// The index of the column called `name`, or an error suggesting the nearest name.
    public func columnIndex(_ name: String) throws(DataError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw .unknownColumn(path: path, name: name, available: header, suggestion: Suggestion.closest(to: name, in: header))
        }
        return index
    }
}

/// `text` without leading and trailing spaces, tabs and line breaks.
func trimmed(_ text: String) -> String {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
    guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else { return "" }
    return String(text[first...last])
}
