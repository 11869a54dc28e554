/// A horizontal bar chart of labelled values, such as the accuracy of several models: one row
/// per bar with its label and value, in text (block elements or `#`) and SVG.
///
/// Bars start at zero; negative and non-finite values are shown as numbers without a bar, with
/// a note.
public struct BarChart: Sendable, Equatable {
    /// The label of each bar.
    public var labels: [String]
    /// The value of each bar, one per label.
    public var values: [Double]
    /// A title above the chart.
    public var title: String?
    /// How values are written beside the bars.
    public var format: NumberFormat
    /// Text width in characters.
    public var width: Int
    /// The characters the text form draws with.
    public var style: PlotStyle

    /// A chart of `values` labelled by `labels` (missing labels are blank, extra ones ignored).
    public init(labels: [String], values: [Double], title: String? = nil,
                format: NumberFormat = .standard, width: Int = 80, style: PlotStyle = .unicode) {
        self.labels = values.indices.map { $0 < labels.count ? labels[$0] : "" }
        self.values = values
        self.title = title
        self.format = format
        self.width = max(20, width)
        self.style = style
    }

    /// The chart as an output of its own: `text/plain`, `image/svg+xml` and an HTML image.
    public var bundle: MimeBundle { .figure(text: text, svg: svg, title: title) }

    /// The largest value a bar can show; bars are drawn relative to it.
    var scale: Double { values.filter { $0.isFinite && $0 > 0 }.max() ?? 0 }

    /// What could not be drawn as a bar.
    var notes: [String] {
        let nonFinite = values.filter { !$0.isFinite }.count
        let negative = values.filter { $0 < 0 && $0.isFinite }.count
        var notes: [String] = []
        if values.isEmpty { notes.append("No values to plot.") }
        if nonFinite > 0 { notes.append("\(nonFinite) NaN or infinite value\(nonFinite == 1 ? " has" : "s have") no bar.") }
        if negative > 0 { notes.append("\(negative) negative value\(negative == 1 ? " has" : "s have") no bar.") }
        return notes
    }

    /// The chart as text `width` characters wide: label, bar, value per row, then notes.
    public var text: String {
        let texts = values.map(format.string)
        let labelWidth = min(labels.map(\.displayWidth).max() ?? 0, width / 3)
        let valueWidth = texts.map(\.displayWidth).max() ?? 0
        let barWidth = max(1, width - labelWidth - valueWidth - 2)
        var lines: [String] = title.map { [$0] } ?? []
        for (index, value) in values.enumerated() {
            let fraction = scale > 0 && value.isFinite && value > 0 ? value / scale : 0
            let bar = Self.bar(fraction: fraction, width: barWidth, style: style)
            lines.append(labels[index].truncated(toWidth: labelWidth).padded(toWidth: labelWidth, right: false)
                + " " + bar + " " + texts[index])
        }
        return (lines + notes).joinedLines
    }

    /// A bar `fraction` of `width` characters long, to an eighth of a character in unicode.
    static func bar(fraction: Double, width: Int, style: PlotStyle) -> String {
        guard style == .unicode else {
            return String(repeating: "#", count: Int((fraction * Double(width)).rounded()))
        }
        let eighths = Int((fraction * Double(width) * 8).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        return String(repeating: "█", count: eighths / 8) + partial
    }

    /// The chart as SVG, 640 pixels wide: a bar and its value per row, notes below.
    public var svg: String {
        let texts = values.map(format.string)
        let top = title == nil ? 8.0 : 32.0
        let labelWidth = min(200, 16 + 7 * Double(labels.map(\.displayWidth).max() ?? 0))
        let barSpace = 640 - labelWidth - 80
        let notes = notes
        var svg = SVGDocument(width: 640, height: Int(top) + 22 * values.count + 16 * notes.count + 8)
        if let title { svg.text(title, x: 320, y: 20, anchor: .middle, size: 14) }
        for (index, value) in values.enumerated() {
            let y = top + 22 * Double(index)
            let length = scale > 0 && value.isFinite && value > 0 ? value / scale * barSpace : 0
            svg.text(labels[index], x: labelWidth - 8, y: y + 15, anchor: .end)
            svg.rect(labelWidth, y + 3, length, 16, fill: SVGDocument.palette[0])
            svg.text(texts[index], x: labelWidth + length + 6, y: y + 15)
        }
        for (index, note) in notes.enumerated() {
            svg.text(note, x: 8, y: top + 22 * Double(values.count) + 16 * Double(index) + 12, fill: "#666")
        }
        return svg.rendered
    }
}
