/// A line chart of one or more named series, such as loss against step for training and
/// validation: braille or ASCII text with axes, ticks and a legend, and an SVG image with the
/// same ticks, legend and notes.
///
/// ```swift
/// let chart = LineChart(series: [Series(name: "train", values: losses)],
///                       title: "Loss", xLabel: "step", logY: true)
/// print(chart.text)
/// ```
/// Non-finite values (and values ≤ 0 on a log scale) leave gaps and are counted in a note.
public struct LineChart: Sendable, Equatable {
    /// The series, drawn in order (later ones on top).
    public var series: [Series]
    /// A title above the chart.
    public var title: String?
    /// The x-axis label, under the axis.
    public var xLabel: String?
    /// The y-axis label, above the axis.
    public var yLabel: String?
    /// Whether the y axis is logarithmic (ticks at powers of ten).
    public var logY: Bool
    /// Text width in characters, axis labels included.
    public var width: Int
    /// Text height of the plot area in rows.
    public var height: Int
    /// The characters the text form draws with.
    public var style: PlotStyle

    /// A chart; the defaults fit 80 columns.
    public init(series: [Series], title: String? = nil, xLabel: String? = nil,
                yLabel: String? = nil, logY: Bool = false, width: Int = 80, height: Int = 16,
                style: PlotStyle = .unicode) {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logY = logY
        self.width = max(24, width)
        self.height = max(3, height)
        self.style = style
    }

    /// The chart as an output of its own: `text/plain`, `image/svg+xml` and an HTML image.
    public var bundle: MimeBundle { .figure(text: text, svg: svg, title: title) }
}
