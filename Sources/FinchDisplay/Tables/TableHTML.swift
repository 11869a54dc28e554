extension Table {
    /// The table as one well-formed HTML `<table>` element: caption, header, rows (at most
    /// `maxRows`, as in text), best values in `<b>`, notes in the footer. Text is escaped.
    public var html: String {
        let cells = TableCells(self)
        let span = max(1, columns.count)
        func align(_ index: Int) -> String {
            cells.numeric[index] ? " style=\"text-align:right\"" : " style=\"text-align:left\""
        }
        var html = "<table class=\"finch-table\">\n"
        if let caption { html += "<caption>\(caption.xmlEscaped)</caption>\n" }
        html += "<thead><tr>"
        for index in columns.indices {
            html += "<th\(align(index))>\(cells.headers[index].xmlEscaped)</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for slot in cells.slots(maxRows: maxRows) {
            switch slot {
            case .row(let entries):
                html += "<tr>"
                for (index, entry) in entries.enumerated() {
                    let text = entry.text.xmlEscaped
                    html += "<td\(align(index))>\(entry.isBest ? "<b>\(text)</b>" : text)</td>"
                }
                html += "</tr>\n"
            case .gap(let hidden):
                html += "<tr><td colspan=\"\(span)\" style=\"text-align:center\">… \(hidden) more rows …</td></tr>\n"
            }
        }
        html += "</tbody>\n"
        if !notes.isEmpty {
            html += "<tfoot>\n"
            for note in notes {
                html += "<tr><td colspan=\"\(span)\" style=\"text-align:left\">\(note.xmlEscaped)</td></tr>\n"
            }
            html += "</tfoot>\n"
        }
        return html + "</table>"
    }
}
