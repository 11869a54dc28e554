extension LineChart {
    /// The chart as text `width` characters wide: title, y label, the plot with a y axis of
    /// ticks, an x axis with tick labels and its label, a legend, and notes.
    public var text: String {
        let data = LineChartData(self)
        var lines: [String] = title.map { [$0.centred(inWidth: width)] } ?? []
        guard let axes = data.axes else { return (lines + data.notes).joinedLines }
        if let yLabel { lines.append(yLabel) }
        let labelWidth = axes.yLabels.map(\.displayWidth).max() ?? 0
        let columns = max(8, width - labelWidth - 2)
        var canvas = DotCanvas(columns: columns, rows: height, style: style)
        func dot(_ point: (x: Double, y: Double)) -> (x: Int, y: Int) {
            (Int((axes.x.fraction(point.x) * Double(canvas.width - 1)).rounded()),
             Int(((1 - axes.y.fraction(point.y)) * Double(canvas.height - 1)).rounded()))
        }
        for (index, runs) in data.runs.enumerated() {
            var phase = 0
            for run in runs {
                var previous = dot(run[0])
                canvas.line(from: previous, to: previous, series: index, phase: &phase)
                for point in run.dropFirst() {
                    let next = dot(point)
                    canvas.line(from: previous, to: next, series: index, phase: &phase)
                    previous = next
                }
            }
        }
        let unicode = style == .unicode
        var tickRows: [Int: String] = [:]
        for (tick, label) in zip(axes.y.ticks, axes.yLabels) {
            tickRows[dot((axes.x.ticks[0], tick)).y / canvas.cellHeight] = label
        }
        for (row, plot) in canvas.lines.enumerated() {
            let label = tickRows[row] ?? ""
            let axis = tickRows[row] == nil ? (unicode ? "│" : "|") : (unicode ? "┤" : "+")
            lines.append(label.padded(toWidth: labelWidth, right: true) + " " + axis + plot)
        }
        let tickColumns = axes.x.ticks.map { dot(($0, axes.y.ticks[0])).x / canvas.cellWidth }
        var axisLine = Array(repeating: Character(unicode ? "─" : "-"), count: columns)
        for column in tickColumns { axisLine[column] = unicode ? "┬" : "+" }
        let indent = String(repeating: " ", count: labelWidth + 1)
        lines.append(indent + (unicode ? "└" : "+") + String(axisLine))
        lines.append(tickLabelLine(axes.xLabels, at: tickColumns.map { $0 + labelWidth + 2 }))
        if let xLabel { lines.append(indent + " " + xLabel.centred(inWidth: columns)) }
        lines += legend()
        return (lines + data.notes).joinedLines
    }

    /// Labels centred under their columns, skipping any that would touch the previous one and
    /// shifting the last one left to stay within the width.
    private func tickLabelLine(_ labels: [String], at columns: [Int]) -> String {
        var line = ""
        for (label, column) in zip(labels, columns) {
            let start = min(column - label.displayWidth / 2, width - label.displayWidth)
            guard start >= line.displayWidth + (line.isEmpty ? 0 : 1) else { continue }
            line += String(repeating: " ", count: start - line.displayWidth) + label
        }
        return line
    }

    /// One entry per named series, a sample of its line and its name, wrapped to the width.
    private func legend() -> [String] {
        guard series.contains(where: { !$0.name.isEmpty }) else { return [] }
        var lines = [""]
        for (index, series) in series.enumerated() {
            var sample = DotCanvas(columns: 3, rows: 1, style: style)
            var phase = 0
            let middle = sample.height / 2
            sample.line(from: (0, middle), to: (sample.width - 1, middle), series: index, phase: &phase)
            let entry = sample.lines[0] + " " + series.name
            if !lines[lines.count - 1].isEmpty
                && lines[lines.count - 1].displayWidth + 3 + entry.displayWidth > width {
                lines.append("")
            }
            lines[lines.count - 1] += (lines[lines.count - 1].isEmpty ? "" : "   ") + entry
        }
        return lines
    }
}
