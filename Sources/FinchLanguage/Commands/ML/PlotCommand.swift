import FinchDisplay

extension Command {
    /// `plot VALUE [title:] [log: BOOL] [width:] [height:] [names: [...]] [x: LABEL] [y: LABEL]`:
    /// a line chart of numbers, several lists, a run's losses or several runs.
    static let plot = Command(
        name: "plot",
        summary: "Draw a line chart of a list of numbers, a list of lists, a run's train/val loss, or several runs.",
        positional: [Parameter("value", .any, doc: "numbers, lists of numbers, a run or a list of runs", required: true)],
        keywords: [
            Parameter("title", .string, doc: "the chart's title"),
            Parameter("log", .bool, doc: "a logarithmic y axis", default: .bool(false)),
            Parameter("width", .number, doc: "width in characters (text) — the SVG scales with it", default: .number(80)),
            Parameter("height", .number, doc: "height in rows of text", default: .number(16)),
            Parameter("names", .any, doc: "the series' names, as a list of strings"),
            Parameter("x", .string, doc: "the x-axis label", default: .string("step")),
            Parameter("y", .string, doc: "the y-axis label"),
        ]
    ) { invocation throws(FinchError) in
        let value = invocation.bound("value")?.value ?? .none
        var series = try plotSeries(value, at: invocation.place("value"))
        if let names = try invocation.strings("names") {
            guard names.count == series.count else {
                throw FinchError(.value, "\(names.count) names for \(series.count) series", at: invocation.place("names"))
            }
            for index in series.indices { series[index].name = names[index] }
        }
        let chart = LineChart(series: series, title: invocation.string("title"), xLabel: invocation.string("x"), yLabel: invocation.string("y"),
                              logY: invocation.flag("log") ?? false, width: try invocation.integer("width", in: 24...400) ?? 80,
                              height: try invocation.integer("height", in: 3...200) ?? 16)
        return .wrap(ChartObject(chart.bundle, title: invocation.string("title") ?? "plot"))
    }

    /// The series of `value`: one per list or run (train and validation loss for one run).
    private static func plotSeries(_ value: Value, at range: SourceRange) throws(FinchError) -> [Series] {
        if let run = value.object(RunObject.self) { return run.lossChart().series }
        let items: [Value]
        switch value {
        case .list(let elements): items = elements
        case .range(let span): items = (0..<span.count).map(span.element(at:))
        default: throw FinchError(.type, "'plot' needs numbers, lists of numbers or runs, not \(value.typeDescription)", at: range)
        }
        if let numbers = Functions.numbers(in: items) {
            return [Series(name: "", points: numbers.enumerated().map { (Double($0.offset + 1), $0.element) })]
        }
        var series: [Series] = []
        for (index, item) in items.enumerated() {
            if let run = item.object(RunObject.self) {
                series.append(Series(name: run.name, points: run.losses.enumerated().map { (Double($0.offset + 1), $0.element) }))
            } else if case .list(let elements) = item, let numbers = Functions.numbers(in: elements) {
                series.append(Series(name: "series \(index + 1)", points: numbers.enumerated().map { (Double($0.offset + 1), $0.element) }))
            } else {
                throw FinchError(.type, "'plot' needs numbers, lists of numbers or runs; element \(index) is \(item.typeDescription)", at: range)
            }
        }
        return series
    }
}
