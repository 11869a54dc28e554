import FinchDisplay
import FinchEngine

extension Command {
    /// `plot VALUE [to PATH] [by: FIELD] [title:] [log: BOOL] [width:] [height:] [names: [...]] [x: LABEL] [y: LABEL]`:
    /// a line chart of numbers, several lists, a run's losses, several runs, or the numeric
    /// fields of a list of records (against the field `by:`); an evaluation's confusion matrix as a
    /// heatmap, and a continual-learning result's accuracy matrix. With `to`, the chart is written to an `.svg` or `.txt` file instead of shown.
    static let plot = Command(
        name: "plot",
        summary: "Draw a line chart of a list of numbers, a list of lists, a run's train/val loss, several runs, or a list of records; an evaluation's confusion matrix; a continual result's accuracy matrix. Show it, or write it to an .svg or .txt file.",
        positional: [Parameter("value", .any, doc: "numbers, lists of numbers, a run, a list of runs, a list of records, an evaluation, or a continual result",
                               required: true)],
        prepositions: [Parameter("to", .string, doc: "a file to write the chart to: .svg (the drawing) or .txt (the text chart)")],
        keywords: [
            Parameter("by", .word, doc: "records: the field along the x axis (default: their order); each other numeric field is a line"),
            Parameter("title", .string, doc: "the chart's title"),
            Parameter("log", .bool, doc: "a logarithmic y axis", default: .bool(false)),
            Parameter("width", .number, doc: "width in characters (text) — the SVG scales with it", default: .number(80)),
            Parameter("height", .number, doc: "height in rows of text", default: .number(16)),
            Parameter("names", .any, doc: "the series' names, as a list of strings"),
            Parameter("x", .string, doc: "the x-axis label (default: step, or the by: field)"),
            Parameter("y", .string, doc: "the y-axis label"),
        ]
    ) { invocation throws(FinchError) in
        let value = invocation.bound("value")?.value ?? .none
        if let evaluation = value.object(EvaluationObject.self) {
            let title = invocation.string("title") ?? "Confusion of \(evaluation.modelName) on \(evaluation.dataName) (rows: true class, columns: predicted)"
            return try show(ChartObject(evaluation.confusionHeatmap(title: title).bundle, title: title), invocation)
        }
        if let result = value.object(ContinualObject.self) {
            let title = invocation.string("title") ?? result.heatmapTitle
            return try show(ChartObject(result.heatmap(title: title).bundle, title: title), invocation)
        }
        let by = invocation.word("by")
        var series: [Series]
        if case .list(let items) = value, let records = Record.all(items) {
            series = try recordSeries(records, by: by, at: invocation.place("value"), byRange: invocation.place("by"))
        } else {
            guard by == nil else {
                throw FinchError(OutputCommandFailure.byOfNonRecords(type: value.typeDescription), at: invocation.place("by"))
            }
            series = try plotSeries(value, at: invocation.place("value"))
        }
        if let names = try invocation.strings("names") {
            guard names.count == series.count else {
                throw FinchError(OutputCommandFailure.seriesNames(names: names.count, series: series.count), at: invocation.place("names"))
            }
            for index in series.indices { series[index].name = names[index] }
        }
        let chart = LineChart(series: series, title: invocation.string("title"), xLabel: invocation.string("x") ?? by ?? "step", yLabel: invocation.string("y"),
                              logY: invocation.flag("log") ?? false, width: try invocation.integer("width", in: 24...400) ?? 80,
                              height: try invocation.integer("height", in: 3...200) ?? 16)
        return try show(ChartObject(chart.bundle, title: invocation.string("title") ?? "plot"), invocation)
    }

    /// The chart as the command's value, or, with `to`, written to that file (`.svg` or `.txt`)
    /// and said so. A failed write leaves any file that was there unchanged.
    private static func show(_ chart: ChartObject, _ invocation: Invocation) throws(FinchError) -> Value {
        guard let path = invocation.string("to") else { return .wrap(chart) }
        let text: String
        if path.hasSuffix(".svg") {
            text = chart.chartBundle["image/svg+xml"] ?? ""
        } else if path.hasSuffix(".txt") {
            text = chart.chartBundle.plainText + "\n"
        } else {
            throw FinchError(OutputCommandFailure.chartExtension, at: invocation.place("to"))
        }
        do throws(FileWriteError) {
            try AtomicFile.write(to: path) { (file) throws(FileWriteError) in try file.append(Array(text.utf8)) }
        } catch {
            throw FinchError(OutputCommandFailure.notWritten(error), at: invocation.place("to"))
        }
        invocation.interpreter.output.write("wrote \(path)\n", to: .stdout)
        return .none
    }

    /// One series per field that is a number in every record, against the field `by` (or the
    /// records' order).
    private static func recordSeries(_ records: [Record], by: String?, at range: SourceRange, byRange: SourceRange) throws(FinchError) -> [Series] {
        let names = records[0].fields.map(\.name)
        var xs = records.indices.map { Double($0 + 1) }
        if let by {
            guard names.contains(by) else {
                throw FinchError(OutputCommandFailure.noField(by, fields: names), at: byRange)
            }
            guard let values = Record.numbers(by, in: records) else {
                throw FinchError(OutputCommandFailure.fieldNotNumber(by), at: byRange)
            }
            xs = values
        }
        let series = names.filter { $0 != by }.compactMap { name in
            Record.numbers(name, in: records).map { Series(name: name, points: Array(zip(xs, $0))) }
        }
        guard !series.isEmpty else {
            throw FinchError(OutputCommandFailure.noNumericField(by: by), at: range)
        }
        return series
    }

    /// The series of `value`: one per list or run (train and validation loss for one run).
    private static func plotSeries(_ value: Value, at range: SourceRange) throws(FinchError) -> [Series] {
        if let run = value.object(RunObject.self) { return run.lossChart().series }
        let items: [Value]
        switch value {
        case .list(let elements): items = elements
        case .range(let span): items = (0..<span.count).map(span.element(at:))
        default: throw FinchError(OutputCommandFailure.plotInput(type: value.typeDescription), at: range)
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
                throw FinchError(OutputCommandFailure.plotElement(index: index, type: item.typeDescription), at: range)
            }
        }
        return series
    }
}
