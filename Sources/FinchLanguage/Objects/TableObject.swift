import FinchDisplay

/// A table as a value: made by `table`, `runs`, `compare`, `evaluate`; exported by `export`.
final class TableObject: FinchObject {
    /// The table.
    let table: Table
    /// What it shows, e.g. `runs`.
    let name: String
    /// Charts shown after the table (a comparison's bars, a confusion heatmap), text and SVG.
    let charts: [MimeBundle]

    /// A table value named `name`, with `charts` shown after it.
    init(_ table: Table, name: String, charts: [MimeBundle] = []) {
        self.table = table
        self.name = name
        self.charts = charts
    }

    var typeName: String { "table" }
    var text: String { ([table.render(width: 100)] + charts.map(\.plainText)).joined(separator: "\n\n") }

    var bundle: MimeBundle { table.bundle(width: 100) }
    var figures: [MimeBundle] { charts }

    var properties: [Property] {
        [
            Property("columns", "the column names") { _ in .list(self.table.columns.map { .string($0.name) }) },
            Property("csv", "the table as CSV text") { _ in .string(self.table.csv) },
            Property("markdown", "the table as Markdown text") { _ in .string(self.table.markdown) },
            Property("rows", "the rows, each a list of numbers and strings") { _ in
                .list(self.table.rows.map { row in .list(row.map(TableObject.value(of:))) })
            },
        ]
    }

    /// A cell as a Finch value.
    static func value(of cell: Cell) -> Value {
        switch cell {
        case .number(let number): .number(number)
        case .text(let text): .string(text)
        case .empty: .none
        }
    }
}

/// A chart as a value: made by `plot`, `compare` and `evaluate`.
final class ChartObject: FinchObject {
    /// The rendered chart.
    let chartBundle: MimeBundle
    /// What it shows, e.g. `loss`.
    let title: String

    /// A chart value titled `title` showing `bundle`.
    init(_ bundle: MimeBundle, title: String) {
        chartBundle = bundle
        self.title = title
    }

    var typeName: String { "chart" }
    var text: String { chartBundle.plainText }
    var bundle: MimeBundle { chartBundle }

    var properties: [Property] {
        [
            Property("svg", "the chart as SVG text") { _ in .string(self.chartBundle["image/svg+xml"] ?? "") },
            Property("text", "the chart drawn with text characters") { _ in .string(self.chartBundle.plainText) },
            Property("title", "the chart's title") { _ in .string(self.title) },
        ]
    }
}
