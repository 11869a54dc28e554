/// The table's cells as strings, with alignment and best marks decided once for every form.
struct TableCells {
    /// One formatted cell.
    struct Entry: Equatable {
        var text: String
        var isBest: Bool
    }

    /// A visible row, or a gap standing for hidden rows.
    enum Slot: Equatable {
        case row([Entry])
        case gap(hidden: Int)
    }

    var headers: [String]
    /// Whether each column holds numbers (right-aligned).
    var numeric: [Bool]
    /// Whether each column has a best mark.
    var marked: [Bool]
    /// Every row, formatted.
    var rows: [[Entry]]

    init(_ table: Table) {
        let columns = table.columns
        let cells = table.rows.map { row in
            (0..<columns.count).map { $0 < row.count ? row[$0] : Cell.empty }
        }
        headers = columns.map(\.name)
        numeric = columns.indices.map { index in
            let values = cells.map { $0[index] }.filter { $0 != .empty }
            return !values.isEmpty && values.allSatisfy { $0.number != nil }
        }
        marked = columns.map { $0.best != nil }
        let bests: [Double?] = columns.indices.map { index in
            let finite = cells.compactMap { $0[index].number }.filter(\.isFinite)
            switch columns[index].best {
            case .max: return finite.max()
            case .min: return finite.min()
            case nil: return nil
            }
        }
        rows = cells.map { row in
            row.indices.map { index in
                switch row[index] {
                case .number(let value):
                    return Entry(text: columns[index].format.string(value),
                                 isBest: bests[index] == value)
                case .text(let text): return Entry(text: text, isBest: false)
                case .empty: return Entry(text: "", isBest: false)
                }
            }
        }
    }

    /// The rows text and HTML show: all of them, or the first and last with a gap between.
    func slots(maxRows: Int) -> [Slot] {
        guard rows.count > maxRows else { return rows.map(Slot.row) }
        let head = (maxRows + 1) / 2
        let tail = maxRows - head
        return rows.prefix(head).map(Slot.row) + [.gap(hidden: rows.count - maxRows)]
            + rows.suffix(tail).map(Slot.row)
    }
}
