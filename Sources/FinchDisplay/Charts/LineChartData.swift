/// What a line chart shows, worked out once for text and SVG so both carry the same numbers:
/// the drawable runs of points, the axes with their tick labels, and notes about what could not
/// be drawn.
struct LineChartData {
    /// Scales and tick labels; nil when there is nothing to draw.
    struct Axes {
        var x: NiceScale
        var y: NiceScale
        var xLabels: [String]
        var yLabels: [String]
    }

    /// Per series, runs of consecutive drawable points (a gap between runs).
    var runs: [[[(x: Double, y: Double)]]]
    var axes: Axes?
    var notes: [String] = []

    init(_ chart: LineChart) {
        var nonFinite = 0
        var nonPositive = 0
        runs = chart.series.map { series in
            var runs: [[(x: Double, y: Double)]] = [[]]
            for (x, y) in zip(series.xs, series.ys) {
                if !x.isFinite || !y.isFinite {
                    nonFinite += 1
                } else if chart.logY && y <= 0 {
                    nonPositive += 1
                } else {
                    runs[runs.count - 1].append((x, y))
                    continue
                }
                if !runs[runs.count - 1].isEmpty { runs.append([]) }
            }
            return runs.filter { !$0.isEmpty }
        }
        if nonFinite > 0 {
            notes.append("\(nonFinite) NaN or infinite value\(nonFinite == 1 ? "" : "s") not shown.")
        }
        if nonPositive > 0 {
            notes.append("\(nonPositive) value\(nonPositive == 1 ? "" : "s") ≤ 0 not shown on the log scale.")
        }
        let points = runs.joined().joined()
        guard let xLow = points.map(\.x).min(), let xHigh = points.map(\.x).max(),
              let yLow = points.map(\.y).min(), let yHigh = points.map(\.y).max() else {
            notes.append("No values to plot.")
            return
        }
        let x = NiceScale(low: xLow, high: xHigh, count: max(2, (chart.width - 8) / 10))
        let y = chart.logY ? NiceScale(logLow: yLow, logHigh: yHigh)
            : NiceScale(low: yLow, high: yHigh, count: max(3, chart.height / 2))
        axes = Axes(x: x, y: y, xLabels: x.ticks.map(NumberFormat.standard.string),
                    yLabels: y.ticks.map(NumberFormat.standard.string))
    }
}
