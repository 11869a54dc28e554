extension CSVTable {
    /// The table as a data set named after the file.
    ///
    /// - `text`: the column holding one text per example; or else
    /// - `features`: the numeric columns, in this order (default: every column but the label
    ///   whose cells all hold numbers);
    /// - `label`: the class column (default: found as ``labelColumn(named:text:features:)``
    ///   says). When every label is a whole number, the classes are those numbers in numeric order
    ///   (or the names a scikit-learn file declares for them); otherwise the distinct labels in
    ///   alphabetical order.
    /// - `standardize`: whether a model first trained on the features standardises them
    ///   (``Dataset/standardize``).
    public func dataset(text: String? = nil, features: [String]? = nil, label: String? = nil,
                        standardize: Bool = true) throws(DataError) -> Dataset {
        if let label { _ = try columnIndex(label) }
        guard !rows.isEmpty else { throw .emptyDataset(name: datasetName) }
        let labelColumn = try self.labelColumn(named: label, text: text, features: features)
        let (labels, classNames) = try labelColumn.map { (column: Int) throws(DataError) in try classes(in: column) } ?? (nil, [])
        if let text {
            guard features == nil else { throw .textAndFeatures(path: path) }
            let column = try columnIndex(text)
            return try Dataset(name: datasetName, texts: rows.map { trimmed($0[column]) }, labels: labels, classNames: classNames)
        }
        let columns: [Int]
        if let features {
            columns = try features.map { (name: String) throws(DataError) in try columnIndex(name) }
        } else {
            columns = header.indices.filter { column in
                column != labelColumn && rows.allSatisfy { number(in: $0[column]) != nil }
            }
            guard !columns.isEmpty else { throw .noNumericColumns(path: path) }
        }
        var values: [Float] = []
        values.reserveCapacity(rows.count * columns.count)
        for (row, line) in zip(rows, lines) {
            for column in columns {
                guard let value = number(in: row[column]) else {
                    throw .nonNumericCell(path: path, line: line, column: header[column], value: trimmed(row[column]))
                }
                values.append(value)
            }
        }
        var dataset = try Dataset(name: datasetName, features: values, width: columns.count, featureNames: columns.map { header[$0] },
                                  labels: labels, classNames: classNames)
        dataset.standardize = standardize
        return dataset
    }

    /// The file's name without folders and without `.csv` / `.gz` extensions.
    var datasetName: String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".gz", ".csv"] where name.hasSuffix(suffix) && name.count > suffix.count {
            name.removeLast(suffix.count)
        }
        return name
    }

    /// Class ids of the cells of `column` and the class names they index.
    private func classes(in column: Int) throws(DataError) -> (labels: [Int], names: [String]) {
        let cells = rows.map { trimmed($0[column]) }
        if let empty = cells.firstIndex(of: "") { throw .missingLabel(path: path, line: lines[empty], column: header[column]) }
        if let declared = classNames, column == header.count - 1 {
            return (cells.map { Int($0)! }, declared)
        }
        if cells.allSatisfy({ number(in: $0) != nil }), let fraction = cells.firstIndex(where: { Int($0) == nil }) {
            throw .fractionalLabel(path: path, line: lines[fraction], column: header[column], value: cells[fraction])
        }
        let distinct = Set(cells)
        let names: [String]
        if distinct.allSatisfy({ Int($0) != nil }) {
            names = distinct.sorted { Int($0)! < Int($1)! }
        } else {
            names = distinct.sorted()
        }
        let ids = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        return (cells.map { ids[$0]! }, names)
    }
}

/// The finite number written in `cell` (surrounding spaces allowed), or nil.
func number(in cell: String) -> Float? {
    guard let value = Float(trimmed(cell)), value.isFinite else { return nil }
    return value
}
