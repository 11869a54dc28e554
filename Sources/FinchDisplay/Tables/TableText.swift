extension Table {
    /// The table as aligned text at most `width` characters wide.
    ///
    /// Numbers are right-aligned, text left-aligned, the best value of a marked column carries a
    /// `*`. A table wider than `width` is folded: the columns are split into parts stacked one
    /// under the other, each repeating the first column. More than `maxRows` rows show the first
    /// and last ones around a `…` row. Notes follow the table.
    public func render(width: Int = 80) -> String {
        let cells = TableCells(self)
        guard !columns.isEmpty else {
            return ((caption.map { [$0] } ?? []) + ["(empty table)"] + notes).joinedLines
        }
        let slots = cells.slots(maxRows: maxRows)
        let widths = columnWidths(cells, slots: slots, width: width)
        let parts = fold(widths: widths, width: width)
        var lines: [String] = caption.map { [$0] } ?? []
        for (index, part) in parts.enumerated() {
            if index > 0 { lines.append("") }
            lines += block(cells, slots: slots, columns: part, widths: widths)
        }
        if rows.isEmpty { lines.append("(no rows)") }
        if rows.count > maxRows {
            lines.append("Showing \(maxRows) of \(rows.count) rows.")
        }
        if parts.count > 1 {
            lines.append("Wide table folded into \(parts.count) parts to fit \(width) characters.")
        }
        return (lines + notes).joinedLines
    }

    /// Widths fitting the shown rows, each capped so that it fits beside the first column.
    private func columnWidths(_ cells: TableCells, slots: [TableCells.Slot], width: Int) -> [Int] {
        let shown = slots.compactMap { slot -> [TableCells.Entry]? in
            if case .row(let entries) = slot { return entries }
            return nil
        }
        return columns.indices.map { index in
            let mark = cells.marked[index] ? 1 : 0
            let widest = shown.map { $0[index].text.displayWidth }.max() ?? 0
            let natural = max(cells.headers[index].displayWidth, widest + mark)
            let limit = index == 0 ? max(4, width / 2) : max(4, width - 2 - min(natural, width / 2))
            return min(natural, limit)
        }
    }

    /// Groups of column indices, each fitting `width`; later groups start with column 0.
    private func fold(widths: [Int], width: Int) -> [[Int]] {
        var parts: [[Int]] = [[0]]
        var used = widths[0]
        for index in widths.indices.dropFirst() {
            if used + 2 + widths[index] > width && parts[parts.count - 1].count > 1 {
                parts.append([0])
                used = widths[0]
            }
            parts[parts.count - 1].append(index)
            used += 2 + widths[index]
        }
        return parts
    }

    /// The header, rule and rows of the given columns.
    private func block(_ cells: TableCells, slots: [TableCells.Slot], columns part: [Int],
                       widths: [Int]) -> [String] {
        func line(_ texts: [String]) -> String { texts.joined(separator: "  ") }
        let header = part.map { index in
            let slot = cells.marked[index] ? 1 : 0
            let name = cells.headers[index].truncated(toWidth: widths[index])
            return name.padded(toWidth: widths[index] - slot, right: cells.numeric[index])
                .padded(toWidth: widths[index], right: false)
        }
        var lines = [line(header), line(part.map { String(repeating: "-", count: widths[$0]) })]
        for slot in slots {
            switch slot {
            case .row(let entries):
                lines.append(line(part.map { index in
                    var text = entries[index].text
                    if cells.marked[index] { text += entries[index].isBest ? "*" : " " }
                    return text.truncated(toWidth: widths[index])
                        .padded(toWidth: widths[index], right: cells.numeric[index])
                }))
            case .gap:
                lines.append(line(part.map { index in
                    "…".padded(toWidth: widths[index] - (cells.marked[index] ? 1 : 0),
                               right: cells.numeric[index])
                        .padded(toWidth: widths[index], right: false)
                }))
            }
        }
        return lines
    }
}
