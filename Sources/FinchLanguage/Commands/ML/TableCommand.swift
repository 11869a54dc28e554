import FinchDisplay

extension Command {
    /// `table VALUE [columns: [NAME, …]] [title: STRING]`: any list, list of rows or records, data
    /// set (its rows with their ids), run history or table, as a table.
    static let table = Command(
        name: "table",
        summary: "Show a list, a list of rows or records, a data set's rows, a run's history, or runs as a table.",
        positional: [Parameter("value", .any, doc: "what to tabulate", required: true)],
        keywords: [
            Parameter("columns", .any, doc: "the column names, as a list of strings"),
            Parameter("title", .string, doc: "a caption above the table"),
        ]
    ) { invocation throws(FinchError) in
        let value = invocation.bound("value")?.value ?? .none
        var table = try tabulate(value, at: invocation.place("value"))
        if let names = try invocation.strings("columns") {
            guard names.count == table.columns.count else {
                throw FinchError(DataCommandFailure.columnNames(names: names.count, columns: table.columns.count), at: invocation.place("columns"))
            }
            table.columns = zip(table.columns, names).map { column, name in
                var renamed = column
                renamed.name = name
                return renamed
            }
        }
        if let title = invocation.string("title") { table.caption = title }
        return .wrap(TableObject(table, name: "table"))
    }

    /// The table of `value`.
    static func tabulate(_ value: Value, at range: SourceRange) throws(FinchError) -> Table {
        if let table = value.object(TableObject.self) { return table.table }
        if let data = value.object(DatasetObject.self) { return data.rowTable }
        if let evaluation = value.object(EvaluationObject.self) { return evaluation.report.table }
        if let evaluation = value.object(RegressionEvaluationObject.self) { return evaluation.table }
        if let result = value.object(ContinualObject.self) { return result.table }
        if let stream = value.object(StreamObject.self) { return stream.table }
        if let run = value.object(RunObject.self) {
            let validation = Dictionary(run.validations.map { ($0.step, $0) }, uniquingKeysWith: { $1 })
            let rows: [[Cell]] = run.losses.enumerated().map { index, loss in
                let step = index + 1
                return [.number(Double(step)), .number(loss), .number(run.learningRates[index]),
                        validation[step].map { .number($0.loss) } ?? .empty,
                        validation[step]?.accuracy.map(Cell.number) ?? .empty]
            }
            return Table(columns: ["step", "loss", "lr", "val loss", "val accuracy"], rows: rows, caption: "run \(run.name)")
        }
        guard case .list(let elements) = value else {
            throw FinchError(DataCommandFailure.tableInput(type: value.typeDescription), at: range)
        }
        if case .record(let first)? = elements.first {
            let names = first.fields.map(\.name)
            let rows: [[Cell]] = elements.map { element in
                guard case .record(let record) = element else { return [] }
                return names.map { name in record.fields.first { $0.name == name }.map { cell($0.value) } ?? .empty }
            }
            return Table(columns: names.map { Column($0) }, rows: rows)
        }
        if elements.allSatisfy({ if case .list = $0 { true } else { false } }), !elements.isEmpty {
            let rows: [[Cell]] = elements.map { element in
                if case .list(let cells) = element { cells.map(cell) } else { [] }
            }
            let width = rows.map(\.count).max() ?? 0
            return Table(columns: (1...max(1, width)).map { Column("c\($0)") }, rows: rows)
        }
        return Table(columns: ["index", "value"], rows: elements.enumerated().map { [.number(Double($0.offset)), cell($0.element)] })
    }

    private static func cell(_ value: Value) -> Cell {
        switch value {
        case .number(let number): .number(number)
        case .string(let text): .text(text)
        case .none: .empty
        default: .text(value.text)
        }
    }
}
