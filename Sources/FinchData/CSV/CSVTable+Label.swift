extension CSVTable {
    /// Column names taken as the label when no `label:` is given (compared ignoring case).
    static let labelNames: Set<String> = ["label", "class"]

    /// The column holding the class labels, or nil for an unlabelled data set.
    ///
    /// The column `label` when it is named; otherwise, among the columns that are neither the
    /// `text` column nor one of `features` nor one of `columns` (a group column): the `target` column of a scikit-learn file, else a
    /// column called `label` or `class` (any case), else the last column when it holds text (a
    /// cell that is not a number). When no column is found this way, the data set is unlabelled
    /// if every column holds numbers; if another column holds text (and neither `text` nor
    /// `features` says what the columns are), which column is meant cannot be told, and the
    /// error says how to name it.
    public func labelColumn(named label: String?, text: String?, features: [String]?, excluding columns: Set<Int> = []) throws(DataError) -> Int? {
        if let label { return try columnIndex(label) }
        let excluded = Set([text].compactMap { $0 } + (features ?? []))
        let candidates = header.indices.filter { !excluded.contains(header[$0]) && !columns.contains($0) }
        if classNames != nil { return header.count - 1 }
        if let named = candidates.first(where: { Self.labelNames.contains(header[$0].lowercased()) }) { return named }
        if let last = candidates.last, holdsText(last) { return last }
        guard text == nil, features == nil else { return nil }
        let textual = candidates.filter(holdsText)
        guard textual.isEmpty else {
            throw .labelNotFound(path: path, last: header[header.count - 1], textColumns: textual.map { header[$0] })
        }
        return nil
    }

    /// Whether some non-blank cell of `column` is not a number.
    func holdsText(_ column: Int) -> Bool {
        rows.contains { row in
            let cell = trimmed(row[column])
            return !cell.isEmpty && number(in: cell) == nil
        }
    }
}
