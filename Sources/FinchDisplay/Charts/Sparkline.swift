/// A one-line summary of a series, such as `loss ▇▅▃▂▂▁▁▁`: one block per value, its height
/// the value's place between the minimum and the maximum.
public struct Sparkline: Sendable, Equatable {
    /// The values; NaN and infinite ones are shown as a space.
    public var values: [Double]
    /// At most this many characters: longer series are averaged in equal runs.
    public var width: Int
    /// The characters the text form draws with.
    public var style: PlotStyle

    /// A sparkline of `values` at most `width` characters long.
    public init(values: [Double], width: Int = 40, style: PlotStyle = .unicode) {
        self.values = values
        self.width = max(1, width)
        self.style = style
    }

    /// The values averaged into at most `width` runs (NaN where a run has no finite value).
    var points: [Double] {
        guard values.count > width else { return values }
        return (0..<width).map { index in
            let run = values[index * values.count / width..<(index + 1) * values.count / width]
                .filter(\.isFinite)
            return run.isEmpty ? .nan : run.reduce(0, +) / Double(run.count)
        }
    }

    /// The sparkline as one line of text.
    public var text: String {
        let levels: [Character] = style == .unicode
            ? ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] : ["_", ".", "-", ":", "=", "+", "*", "#"]
        let points = points
        let finite = points.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else {
            return String(repeating: " ", count: points.count)
        }
        return String(points.map { value -> Character in
            guard value.isFinite else { return " " }
            guard high > low else { return levels[3] }
            return levels[Int((unitFraction(value, low: low, high: high) * 7).rounded())]
        })
    }

    /// The sparkline as a small SVG polyline, 4 pixels per point and 20 high.
    public var svg: String {
        let points = points
        let finite = points.filter(\.isFinite)
        var svg = SVGDocument(width: max(8, 4 * points.count), height: 20)
        if let low = finite.min(), let high = finite.max() {
            var run: [(x: Double, y: Double)] = []
            for (index, value) in points.enumerated() {
                if value.isFinite {
                    let fraction = high > low ? unitFraction(value, low: low, high: high) : 0.5
                    run.append((Double(index) * 4 + 2, 18 - fraction * 16))
                } else if !run.isEmpty {
                    svg.polyline(run, stroke: SVGDocument.palette[0])
                    run = []
                }
            }
            if !run.isEmpty { svg.polyline(run, stroke: SVGDocument.palette[0]) }
        }
        return svg.rendered
    }
}
