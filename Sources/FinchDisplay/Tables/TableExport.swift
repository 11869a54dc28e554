extension Table {
    /// Every row as CSV (RFC 4180): a header line, then one line per row; numbers in full
    /// precision (shortest round-trip form), fields with commas, quotes or newlines quoted.
    public var csv: String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            else { return text }
            var quoted = "\""
            for character in text { quoted += character == "\"" ? "\"\"" : String(character) }
            return quoted + "\""
        }
        func exact(_ cell: Cell) -> String {
            switch cell {
            case .number(let value):
                if value.magnitude < 1e15 && value.rounded() == value { return String(Int(value)) }
                return value.description
            case .text(let text): return field(text)
            case .empty: return ""
            }
        }
        var lines = [columns.map { field($0.name) }.joined(separator: ",")]
        for row in rows {
            lines.append(columns.indices.map { $0 < row.count ? exact(row[$0]) : "" }
                .joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every row as a GitHub-flavoured Markdown table, numbers formatted as in text, best values
    /// in bold, the caption and notes as paragraphs around it.
    public var markdown: String {
        let cells = TableCells(self)
        func escaped(_ text: String) -> String {
            var result = ""
            for character in text {
                switch character {
                case "|": result += "\\|"
                case "\n": result += " "
                default: result.append(character)
                }
            }
            return result
        }
        func line(_ texts: [String]) -> String { "| " + texts.joined(separator: " | ") + " |" }
        var lines: [String] = caption.map { [escaped($0), ""] } ?? []
        lines.append(line(cells.headers.map(escaped)))
        lines.append(line(cells.numeric.map { $0 ? "---:" : ":---" }))
        for row in cells.rows {
            lines.append(line(row.map { $0.isBest ? "**\(escaped($0.text))**" : escaped($0.text) }))
        }
        if !notes.isEmpty { lines += [""] + notes.map(escaped) }
        return lines.joined(separator: "\n") + "\n"
    }
}
