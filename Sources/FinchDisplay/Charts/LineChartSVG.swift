extension LineChart {
    /// The chart as an SVG image, 640 pixels wide: the same ticks, legend and notes as the text.
    public var svg: String {
        let data = LineChartData(self)
        let plotLeft = 64.0, plotRight = 624.0, plotTop = title == nil ? 16.0 : 36.0
        let plotBottom = plotTop + 260
        var height = plotBottom + (xLabel == nil ? 28 : 44)
        height += Double(data.notes.count) * 16
        var svg = SVGDocument(width: 640, height: Int(height))
        if let title { svg.text(title, x: 344, y: 22, anchor: .middle, size: 14) }
        if let yLabel {
            svg.text(yLabel, x: 16, y: (plotTop + plotBottom) / 2, anchor: .middle, rotated: -90)
        }
        if let axes = data.axes {
            func position(_ point: (x: Double, y: Double)) -> (x: Double, y: Double) {
                (plotLeft + axes.x.fraction(point.x) * (plotRight - plotLeft),
                 plotBottom - axes.y.fraction(point.y) * (plotBottom - plotTop))
            }
            for (tick, label) in zip(axes.y.ticks, axes.yLabels) {
                let y = position((axes.x.ticks[0], tick)).y
                svg.line(plotLeft, y, plotRight, y, stroke: "#e5e5e5")
                svg.text(label, x: plotLeft - 6, y: y + 4, anchor: .end)
            }
            for (tick, label) in zip(axes.x.ticks, axes.xLabels) {
                let x = position((tick, axes.y.ticks[0])).x
                svg.line(x, plotTop, x, plotBottom, stroke: "#e5e5e5")
                svg.text(label, x: x, y: plotBottom + 16, anchor: .middle)
            }
            svg.line(plotLeft, plotTop, plotLeft, plotBottom, stroke: "#333")
            svg.line(plotLeft, plotBottom, plotRight, plotBottom, stroke: "#333")
            for (index, runs) in data.runs.enumerated() {
                for run in runs {
                    svg.polyline(run.map(position), stroke: SVGDocument.palette[index % 10])
                }
            }
            legend(in: &svg, right: plotRight - 8, top: plotTop + 8)
        }
        if let xLabel { svg.text(xLabel, x: (plotLeft + plotRight) / 2, y: plotBottom + 36, anchor: .middle) }
        var noteY = plotBottom + (xLabel == nil ? 36 : 52)
        for note in data.notes {
            svg.text(note, x: plotLeft, y: noteY, fill: "#666")
            noteY += 16
        }
        return svg.rendered
    }

    /// The legend in the top-right corner of the plot: a coloured line and the name per series.
    private func legend(in svg: inout SVGDocument, right: Double, top: Double) {
        let named = series.enumerated().filter { !$0.element.name.isEmpty }
        guard !named.isEmpty else { return }
        let widest = named.map { Double($0.element.name.displayWidth) }.max() ?? 0
        let boxWidth = 36 + widest * 7
        svg.rect(right - boxWidth, top, boxWidth, Double(named.count) * 18 + 6, fill: "white")
        for (row, entry) in named.enumerated() {
            let y = top + 14 + Double(row) * 18
            svg.line(right - boxWidth + 6, y - 4, right - boxWidth + 24, y - 4,
                     stroke: SVGDocument.palette[entry.offset % 10], width: 2)
            svg.text(entry.element.name, x: right - boxWidth + 30, y: y)
        }
    }
}
