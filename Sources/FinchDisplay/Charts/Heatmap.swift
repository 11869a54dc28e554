/// A heatmap of a matrix, such as a confusion matrix or attention weights: shades per cell in
/// text with a legend of value ranges, and coloured cells with the values in SVG.
public struct Heatmap: Sendable, Equatable {
    /// The values, row by row; short rows are padded with NaN.
    public var matrix: [[Double]]
    /// The label of each row, shown on the left.
    public var rowLabels: [String]
    /// The label of each column, shown on top.
    public var columnLabels: [String]
    /// A title above the map.
    public var title: String?
    /// The characters the text form draws with.
    public var style: PlotStyle
    /// The values the lightest and the darkest shade stand for (values beyond are clamped), so
    /// maps of one kind compare, as attention probabilities on 0…1; nil: the matrix's own range.
    public var scale: ClosedRange<Double>?

    /// A heatmap of `matrix`; labels default to the row and column numbers from 0.
    public init(matrix: [[Double]], rowLabels: [String]? = nil, columnLabels: [String]? = nil,
                title: String? = nil, style: PlotStyle = .unicode, scale: ClosedRange<Double>? = nil) {
        let columns = matrix.map(\.count).max() ?? 0
        self.matrix = matrix.map { $0 + Array(repeating: .nan, count: columns - $0.count) }
        self.rowLabels = matrix.indices.map { index in
            rowLabels.flatMap { index < $0.count ? $0[index] : nil } ?? String(index)
        }
        self.columnLabels = (0..<columns).map { index in
            columnLabels.flatMap { index < $0.count ? $0[index] : nil } ?? String(index)
        }
        self.title = title
        self.style = style
        self.scale = scale
    }

    /// The heatmap as an output of its own: `text/plain`, `image/svg+xml` and an HTML image.
    public var bundle: MimeBundle { .figure(text: text, svg: svg, title: title) }

    /// The shades, lightest (lowest) first.
    private var shades: [Character] { style == .unicode ? [" ", "░", "▒", "▓", "█"] : [" ", ".", ":", "*", "#"] }

    /// The range the shades span: `scale`, else the finite range of the values; nil without
    /// finite values.
    private var range: (low: Double, high: Double)? {
        let finite = matrix.joined().filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return scale.map { ($0.lowerBound, $0.upperBound) } ?? (low, high)
    }

    /// The shade level, 0…4, of a finite value.
    private func level(_ value: Double, in range: (low: Double, high: Double)) -> Int {
        guard range.high > range.low else { return 4 }
        return min(4, Int(unitFraction(value, low: range.low, high: range.high) * 5))
    }

    /// The value range of each shade level, as text.
    private func legendRanges(_ range: (low: Double, high: Double)) -> [String] {
        let format = NumberFormat.standard
        guard range.high > range.low else { return ["", "", "", "", format.string(range.high)] }
        return (0..<5).map { level in
            let span = (range.high / 2 - range.low / 2) / 2.5
            return format.string(range.low + span * Double(level)) + " – "
                + format.string(level == 4 ? range.high : range.low + span * Double(level + 1))
        }
    }

    private var notes: [String] {
        let missing = matrix.joined().filter { !$0.isFinite }.count
        var notes: [String] = []
        if matrix.isEmpty || columnLabels.isEmpty { notes.append("No values to plot.") }
        if missing > 0 { notes.append("\(missing) NaN or infinite cell\(missing == 1 ? "" : "s") shown as ?.") }
        return notes
    }

    /// The heatmap as text: column labels on top, a row label and a shaded block per cell, then
    /// the legend of shades and notes.
    public var text: String {
        var lines: [String] = title.map { [$0] } ?? []
        guard let range else { return (lines + notes).joinedLines }
        let labelWidth = rowLabels.map(\.displayWidth).max() ?? 0
        let cellWidth = min(8, max(2, columnLabels.map(\.displayWidth).max() ?? 0))
        lines.append(String(repeating: " ", count: labelWidth + 1)
            + columnLabels.map { $0.truncated(toWidth: cellWidth).centred(inWidth: cellWidth) }
                .joined(separator: " "))
        for (label, row) in zip(rowLabels, matrix) {
            let cells = row.map { value in
                String(repeating: value.isFinite ? shades[level(value, in: range)] : "?", count: cellWidth)
            }
            lines.append(label.padded(toWidth: labelWidth, right: true) + " " + cells.joined(separator: " "))
        }
        let ranges = legendRanges(range)
        let legend = (0..<5).filter { !ranges[$0].isEmpty }.map { "[\(shades[$0])] \(ranges[$0])" }
        lines.append("")
        lines.append(legend.joined(separator: "  "))
        return (lines + notes).joinedLines
    }

    /// The heatmap as SVG: a cell per value shaded from white to blue, each with its value
    /// (written inside when the map is small, always as a tooltip), and the same legend.
    public var svg: String {
        let size = svgSize
        var svg = SVGDocument(width: size.width, height: size.height)
        draw(into: &svg, x: 0, y: 0)
        return svg.rendered
    }

    /// The side of one cell in SVG pixels.
    private var cell: Double { Double(max(12, min(40, 480 / max(1, columnLabels.count)))) }
    /// Room for the row labels on the left.
    private var left: Double { 16 + 7 * Double(rowLabels.map(\.displayWidth).max() ?? 0) }
    /// Room for the title and the column labels on top.
    private var top: Double { (title == nil ? 8.0 : 32.0) + 20 }

    /// The drawing's exact height: the cells, the legend and the notes below them.
    private var drawnHeight: Double { top + cell * Double(matrix.count) + 40 + 16 * Double(notes.count) }

    /// The SVG drawing's width and height in pixels.
    var svgSize: (width: Int, height: Int) {
        (max(320, Int(left + cell * Double(columnLabels.count)) + 16), Int(drawnHeight))
    }

    /// Draws the heatmap into `svg` with its top-left corner at (`originX`, `originY`).
    func draw(into svg: inout SVGDocument, x originX: Double, y originY: Double) {
        let cell = cell, left = originX + left, top = originY + top
        let notes = notes
        let height = originY + drawnHeight
        if let title { svg.text(title, x: left, y: originY + 20, size: 14) }
        let format = NumberFormat.standard
        if let range {
            for (index, label) in columnLabels.enumerated() {
                svg.text(label, x: left + cell * (Double(index) + 0.5), y: top - 6, anchor: .middle)
            }
            for (row, values) in matrix.enumerated() {
                let y = top + cell * Double(row)
                svg.text(rowLabels[row], x: left - 6, y: y + cell / 2 + 4, anchor: .end)
                for (column, value) in values.enumerated() {
                    let x = left + cell * Double(column)
                    let shade = value.isFinite ? Double(level(value, in: range)) / 4 : -1
                    svg.rect(x, y, cell, cell, fill: Self.colour(shade),
                             title: "\(rowLabels[row]), \(columnLabels[column]): \(format.string(value))")
                    if cell >= 28 {
                        svg.text(value.isFinite ? format.string(value) : "?", x: x + cell / 2, y: y + cell / 2 + 4,
                                 anchor: .middle, size: 10, fill: shade > 0.5 ? "white" : "#333")
                    }
                }
            }
            var x = left
            let legendY = top + cell * Double(matrix.count) + 14
            for (level, text) in legendRanges(range).enumerated() where !text.isEmpty {
                svg.rect(x, legendY, 12, 12, fill: Self.colour(Double(level) / 4))
                svg.text(text, x: x + 16, y: legendY + 10, size: 10)
                x += 28 + 6 * Double(text.displayWidth)
            }
        }
        for (index, note) in notes.enumerated() {
            svg.text(note, x: originX + 8, y: height - 16 * Double(notes.count - index) + 8, fill: "#666")
        }
    }

    /// White at 0 to dark blue at 1; grey for a missing value (negative shade).
    private static func colour(_ shade: Double) -> String {
        guard shade >= 0 else { return "#cccccc" }
        let channels = [(255.0, 8.0), (255.0, 81.0), (255.0, 156.0)].map { light, dark in
            Int((light + (dark - light) * shade).rounded())
        }
        let hex = Array("0123456789abcdef")
        return "#" + String(channels.flatMap { [hex[$0 / 16], hex[$0 % 16]] })
    }
}
