import FinchEngine

extension CSVTable {
    /// The table as a data set named after the file.
    ///
    /// - `text`: the column holding one text per example (default: the one column besides the
    ///   label, when it holds text); or else
    /// - `features`: the numeric columns, in this order (default: every column but the label
    ///   whose cells all hold numbers);
    /// - `label`: the class column (default: found as ``labelColumn(named:text:features:excluding:)``
    ///   says). When every label is a whole number, the classes are those numbers in numeric order
    ///   (or the names a scikit-learn file declares for them); otherwise the distinct labels in
    ///   alphabetical order.
    /// - `standardize`: whether a model first trained on the features standardises them
    ///   (``Dataset/standardize``).
    /// - `target`: a numeric column to predict (regression), in place of a label; it is left out
    ///   of the default features.
    /// - `group`: a column whose values group the examples (a region, a year), kept as their
    ///   ``Dataset/groups`` to cut tasks by; it is neither a feature nor the label.
    /// - `cancellation`: asked every ``rowsPerCheck`` rows while the feature cells are read;
    ///   when requested, ``DataError/cancelled`` is thrown.
    public func dataset(text: String? = nil, features: [String]? = nil, label: String? = nil, target: String? = nil,
                        group: String? = nil, standardize: Bool = true, cancellation: Cancellation = .never) throws(DataError) -> Dataset {
        guard let group else {
            return try dataset(text: text, features: features, label: label, target: target, excluding: [], standardize: standardize,
                               cancellation: cancellation)
        }
        let column = try columnIndex(group)
        if [text, label, target].contains(group) || features?.contains(group) == true {
            throw .outOfRange(parameter: "group:", value: "'\(group)'", allowed: "a column that is not also the text, a feature, the label or the target")
        }
        let grouped = try dataset(text: text, features: features, label: label, target: target, excluding: [column], standardize: standardize,
                                  cancellation: cancellation)
        return grouped.withGroups(rows.map { trimmed($0[column]) }, named: group)
    }

    /// ``dataset(text:features:label:target:group:standardize:cancellation:)`` with the columns
    /// `excluded` left out of the default label and features.
    private func dataset(text: String?, features: [String]?, label: String?, target: String?, excluding excluded: Set<Int>,
                         standardize: Bool, cancellation: Cancellation) throws(DataError) -> Dataset {
        if let label { _ = try columnIndex(label) }
        let targetColumn = try target.map { (name: String) throws(DataError) in try columnIndex(name) }
        guard label == nil || target == nil else { throw .labelAndTarget(path: path) }
        guard !rows.isEmpty else { throw .emptyDataset(name: datasetName) }
        if let targetColumn {
            guard text == nil else { throw .outOfRange(parameter: "target:", value: "a text data set", allowed: "used with numeric features") }
            let values = try rows.indices.map { (row: Int) throws(DataError) -> Float in
                guard let value = number(in: rows[row][targetColumn]) else {
                    throw .nonNumericCell(path: path, line: lines[row], column: header[targetColumn], value: trimmed(rows[row][targetColumn]))
                }
                return value
            }
            let inputs = try featureRows(named: features, excluding: excluded.union([targetColumn]), standardize: standardize,
                                         cancellation: cancellation)
            return try inputs.withTargets(values, named: header[targetColumn])
        }
        let labelColumn = try self.labelColumn(named: label, text: text, features: features, excluding: excluded)
        let (labels, classNames) = try labelColumn.map { (column: Int) throws(DataError) in try classes(in: column) } ?? (nil, [])
        let others = excluded.union(labelColumn.map { [$0] } ?? [])
        let found = text == nil && features == nil ? try soleTextColumn(excluding: others, cancellation: cancellation) : nil
        if let text = text ?? found {
            guard features == nil else { throw .textAndFeatures(path: path) }
            let column = try columnIndex(text)
            var texts = try Dataset(name: datasetName, texts: rows.map { trimmed($0[column]) }, labels: labels, classNames: classNames)
            texts.labelName = labelColumn.map { header[$0] } ?? ""
            return texts
        }
        let inputs = try featureRows(named: features, excluding: excluded.union(labelColumn.map { [$0] } ?? []), standardize: standardize,
                                     cancellation: cancellation)
        guard let labels else { return inputs }
        var labelled = try Dataset(name: datasetName, features: inputs.featureValues, width: inputs.width ?? 1, featureNames: inputs.featureNames,
                                   labels: labels, classNames: classNames).standardizing(standardize)
        labelled.labelName = labelColumn.map { header[$0] } ?? ""
        return labelled
    }

    /// The unlabelled data set of the feature columns `names` (default: every column but
    /// `excluded` whose cells all hold numbers).
    private func featureRows(named names: [String]?, excluding excluded: Set<Int>, standardize: Bool,
                             cancellation: Cancellation) throws(DataError) -> Dataset {
        let columns: [Int]
        if let names {
            columns = try names.map { (name: String) throws(DataError) in try columnIndex(name) }
        } else {
            columns = try numericColumns(excluding: excluded, cancellation: cancellation)
            guard !columns.isEmpty else { throw .noNumericColumns(path: path) }
        }
        var values: [Float] = []
        values.reserveCapacity(rows.count * columns.count)
        for (index, (row, line)) in zip(rows, lines).enumerated() {
            if cancellation.isRequested(at: index, every: Self.rowsPerCheck) { throw .cancelled }
            for column in columns {
                guard let value = number(in: row[column]) else {
                    throw .nonNumericCell(path: path, line: line, column: header[column], value: trimmed(row[column]))
                }
                values.append(value)
            }
        }
        return try Dataset(name: datasetName, features: values, width: columns.count, featureNames: columns.map { header[$0] })
            .standardizing(standardize)
    }

    /// The column of a table of texts whose text column is not named: the one column but
    /// `excluded`, when it does not hold only numbers (`text,label`, say). A text column is
    /// told at its first text cell; a numeric one is read to its end, asking `cancellation`.
    private func soleTextColumn(excluding excluded: Set<Int>, cancellation: Cancellation) throws(DataError) -> String? {
        let others = header.indices.filter { !excluded.contains($0) }
        guard others.count == 1, try numericColumns(excluding: excluded, cancellation: cancellation).isEmpty else { return nil }
        return header[others[0]]
    }

    /// Rows read between two questions to a ``Cancellation``.
    static let rowsPerCheck = 4096

    /// Every column but `excluded` whose cells all hold numbers, in order.
    private func numericColumns(excluding excluded: Set<Int>, cancellation: Cancellation) throws(DataError) -> [Int] {
        var columns = header.indices.filter { !excluded.contains($0) }
        for (index, row) in rows.enumerated() where !columns.isEmpty {
            if cancellation.isRequested(at: index, every: Self.rowsPerCheck) { throw .cancelled }
            columns.removeAll { number(in: row[$0]) == nil }
        }
        return columns
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
