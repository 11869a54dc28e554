import FinchDisplay

extension Command {
    /// `compare [RUN, …] [by: accuracy|f1|macro_f1|precision|recall|final_loss|val_loss|seconds|trainable|steps]`:
    /// a table of the runs and a bar chart of one measure.
    static let compare = Command(
        name: "compare",
        summary: "Compare runs side by side: a table, and a bar chart of one measure.",
        positional: [Parameter("runs", .any, doc: "a list of runs", required: true)],
        keywords: [Parameter("by", .choice(compareMeasures), doc: "the measure the bar chart shows", default: .symbol("accuracy"))]
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
        let measure = invocation.word("by") ?? "accuracy"
        let values = runs.map { compareValue($0, measure) }
        guard values.contains(where: { $0 != nil }) else {
            throw FinchError(EvaluationCommandFailure.notMeasured(measure), at: invocation.place("by"))
        }
        let chart = BarChart(labels: runs.map(\.name), values: values.map { $0 ?? 0 }, title: measure)
        let table = Table(columns: RunObject.columns, rows: runs.map(\.row), caption: "comparison by \(measure)")
        return .wrap(TableObject(table, name: "comparison", charts: [chart.bundle]))
    }

    /// The measures `compare by:` accepts.
    static let compareMeasures = ["accuracy", "f1", "macro_f1", "precision", "recall", "final_loss", "val_loss", "seconds", "trainable", "steps"]

    private static func compareValue(_ run: RunObject, _ measure: String) -> Double? {
        switch measure {
        case "accuracy": run.accuracy
        case "f1": run.confusion?.headline.f1
        case "macro_f1": run.confusion?.macro.f1
        case "precision": run.confusion?.headline.precision
        case "recall": run.confusion?.headline.recall
        case "final_loss": run.finalLoss
        case "val_loss": run.finalValidationLoss
        case "seconds": run.seconds
        case "trainable": Double(run.trainable)
        default: Double(run.losses.count)
        }
    }
}
