/// A histogram of values, such as weights or gradients: the values counted in bins with round
/// edges (1-2-5 steps), drawn as a horizontal bar per bin in text and SVG.
public struct Histogram: Sendable, Equatable {
    /// The values counted; NaN and infinite ones are left out, with a note.
    public var values: [Double]
    /// About how many bins; the bins get round edges, so there may be a few fewer.
    public var bins: Int
    /// A title above the chart.
    public var title: String?
    /// Text width in characters.
    public var width: Int
    /// The characters the text form draws with.
    public var style: PlotStyle

    /// A histogram of `values` in about `bins` bins.
    public init(values: [Double], bins: Int = 10, title: String? = nil, width: Int = 80,
                style: PlotStyle = .unicode) {
        self.values = values
        self.bins = max(1, bins)
        self.title = title
        self.width = width
        self.style = style
    }

    /// The bin edges, in ascending order (one more than the bins); empty without finite values.
    public var edges: [Double] {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return [] }
        return NiceScale(low: low, high: high, count: bins).ticks
    }

    /// The number of values in each bin; each bin holds its lower edge, the last also its upper.
    public var counts: [Int] {
        let edges = edges
        guard edges.count > 1 else { return [] }
        var counts = Array(repeating: 0, count: edges.count - 1)
        for value in values where value.isFinite {
            let above = edges.dropFirst().prefix { $0 <= value }.count
            counts[min(counts.count - 1, above)] += 1
        }
        return counts
    }

    /// The histogram as a bar chart with a bar per bin, labelled by its edges.
    public var barChart: BarChart {
        let edges = edges
        let labels = zip(edges, edges.dropFirst()).map {
            NumberFormat.standard.string($0) + " – " + NumberFormat.standard.string($1)
        }
        return BarChart(labels: labels, values: counts.map(Double.init), title: title,
                        width: width, style: style)
    }

    /// Values left out of the bins.
    private var notes: [String] {
        let left = values.filter { !$0.isFinite }.count
        return left == 0 ? [] : ["\(left) NaN or infinite value\(left == 1 ? "" : "s") not counted."]
    }

    /// The histogram as text: a bar per bin, then notes.
    public var text: String {
        ([barChart.text] + notes).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The histogram as an output of its own: `text/plain`, `image/svg+xml` and an HTML image.
    public var bundle: MimeBundle { .figure(text: text, svg: barChart.svg, title: title) }
}
