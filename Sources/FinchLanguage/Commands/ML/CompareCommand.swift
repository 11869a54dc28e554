import FinchDisplay

extension Command {
    /// `compare [RUN, …] [by: accuracy|f1|macro_f1|precision|recall|final_loss|val_loss|seconds|trainable|steps]`:
    /// a table of the runs and a bar chart of one measure.
    static let compare = Command(
        name: "compare",
        summary: "Compare runs side by side: a table, and a bar chart of one measure.",
        positional: [Parameter("runs", .any, doc: "a list of runs", required: true)],
        keywords: [Parameter("by", .choice(RunMeasure.allCases.map(\.rawValue)), doc: "the measure the bar chart shows",
                             default: .symbol(RunMeasure.accuracy.rawValue))]
    ) { invocation throws(FinchError) in
        guard let bound = invocation.bound("runs"), case .list(let elements) = bound.value, !elements.isEmpty else {
            throw FinchError(EvaluationCommandFailure.compareNeedsList, at: invocation.place("runs"))
        }
        var runs: [RunObject] = []
        for element in elements {
            guard let run = element.object(RunObject.self) else {
                throw FinchError(EvaluationCommandFailure.compareNeedsRuns(type: element.typeDescription), at: bound.range)
            }
            runs.append(run)
        }
        let measure = invocation.word("by").flatMap(RunMeasure.init(rawValue:)) ?? .accuracy
        let values = runs.map(measure.value)
        guard values.contains(where: { $0 != nil }) else {
            throw FinchError(EvaluationCommandFailure.notMeasured(measure.rawValue), at: invocation.place("by"))
        }
        let chart = BarChart(labels: runs.map(\.name), values: values.map { $0 ?? 0 }, title: measure.rawValue)
        let table = Table(columns: RunObject.columns, rows: runs.map(\.row), caption: "comparison by \(measure.rawValue)")
        return .wrap(TableObject(table, name: "comparison", charts: [chart.bundle]))
    }
}
