/// scikit-learn's bundled CSV format (`iris.csv`, `wine_data.csv`, `breast_cancer.csv`): a first
/// line of the sample count, the feature count and the class names, then one row per sample of
/// that many feature values and a class id (0, 1, …) indexing the names.
///
/// A first line of two whole numbers followed only by names is taken as this header when the
/// file has that many rows or its rows have that many features and one more field; a file that
/// then disagrees with it elsewhere is refused with the reason, rather than read as an ordinary
/// CSV file whose columns are called `150` and `4`.
struct ScikitLearnLayout {
    /// The samples the header announces.
    let samples: Int
    /// The features of each sample.
    let features: Int
    /// The names the class ids index.
    let classNames: [String]

    /// The layout `header` declares, checked against `records`; nil when `header` is not
    /// scikit-learn's. Throws when it is, but the rows do not fit it.
    init?(header: CSVParser.Record, records: ArraySlice<CSVParser.Record>, path: String) throws(DataError) {
        let cells = header.fields.map(trimmed)
        guard cells.count >= 2, let samples = Int(cells[0]), let features = Int(cells[1]), samples >= 0, features >= 1,
              cells.dropFirst(2).allSatisfy({ !$0.isEmpty && number(in: $0) == nil }),
              records.count == samples || records.first?.fields.count == features + 1 else { return nil }
        self.samples = samples
        self.features = features
        classNames = Array(cells.dropFirst(2))
        let announced = "line \(header.line) is scikit-learn's header (\(samples) samples, \(features) features"
            + (classNames.isEmpty ? ")" : ", classes \(classNames.joined(separator: ", ")))")
        func refuse(_ line: Int, _ why: String) -> DataError {
            .csvSyntax(path: path, line: line, column: 1, message: announced + ", but " + why)
        }
        guard classNames.count >= 2 else {
            throw refuse(header.line, "it names \(classNames.count == 0 ? "no classes" : "one class"); Finch reads this format for "
                + "classification only. Write a header row naming the columns and load the file with label: or target:")
        }
        guard records.count == samples else {
            throw refuse(records.last?.line ?? header.line, "the file has \(records.count) rows; check that it is complete")
        }
        for record in records {
            guard record.fields.count == features + 1 else {
                throw refuse(record.line, "this row has \(record.fields.count) fields, not \(features + 1) (the features and a class id)")
            }
            let id = trimmed(record.fields[features])
            guard let value = Int(id), classNames.indices.contains(value) else {
                throw refuse(record.line, "its class id is '\(id)', not a whole number from 0 to \(classNames.count - 1)")
            }
        }
    }

    /// The table of `records`: columns `f1` … and `target`, with the declared class names.
    func table(_ records: ArraySlice<CSVParser.Record>, path: String) -> CSVTable {
        CSVTable(path: path, header: (1...features).map { "f\($0)" } + ["target"], rows: records.map(\.fields),
                 lines: records.map(\.line), classNames: classNames)
    }
}
