import FinchDisplay
import FinchEngine

/// The result of `continual`: the accuracy matrix of a model trained through a stream of tasks,
/// and the measures of continual learning drawn from it.
final class ContinualObject: DocumentedObject {
    /// The result's name (the variable it was assigned to).
    let name: String
    /// The model trained.
    let modelName: String
    /// What was done against forgetting.
    let strategy: ContinualStrategy
    /// How tasks were scored.
    let scenario: ContinualScenario
    /// Each task's name, e.g. `0/1`.
    let taskNames: [String]
    /// The accuracy matrix and its measures.
    let metrics: ContinualMetrics
    /// The settings of the run.
    let settings: Record
    /// The seed of the first task's run.
    let seed: UInt64

    /// A result from its parts.
    init(name: String, modelName: String, strategy: ContinualStrategy, scenario: ContinualScenario, taskNames: [String],
         metrics: ContinualMetrics, settings: Record, seed: UInt64) {
        self.name = name
        self.modelName = modelName
        self.strategy = strategy
        self.scenario = scenario
        self.taskNames = taskNames
        self.metrics = metrics
        self.settings = settings
        self.seed = seed
    }

    var typeName: String { "continual" }

    var text: String {
        "continual \(name): \(modelName), \(strategy.text), \(scenario.rawValue); " + measures
    }

    /// The headline measures in one line, e.g. `accuracy 0.197, BWT -0.98, FWT 0, forgetting 0.98`.
    private var measures: String {
        let format = NumberFormat(significantDigits: 3)
        let optional = { (value: Double?) in value.map { format.string($0) } ?? "—" }
        return "accuracy \(format.string(metrics.averageAccuracy)), BWT \(optional(metrics.backwardTransfer)), "
            + "FWT \(optional(metrics.forwardTransfer)), forgetting \(optional(metrics.averageForgetting))"
    }

    /// The stage each row of the matrix follows: `after 0/1`, …, or `after all` for joint training.
    private var stageNames: [String] {
        metrics.isSequential ? taskNames.map { "after " + $0 } : ["after all"]
    }

    /// R as a table: a row per stage, a column per task's accuracy, and the mean over the tasks seen so far.
    var table: Table {
        let rows: [[Cell]] = zip(stageNames, zip(metrics.matrix, metrics.accuracySoFar)).map { stage, values in
            [.text(stage)] + values.0.map(Cell.number) + [.number(values.1)]
        }
        return Table(columns: [Column("trained")] + taskNames.map { Column("task " + $0) } + [Column("seen so far")], rows: rows,
                     caption: text,
                     notes: ["accuracy on each task's test data (\(scenario == .taskIncremental ? "among the task's own classes" : "among all classes"))"
                             + "; FWT is measured against the accuracy of \(modelName) before the stream"])
    }

    var bundle: MimeBundle { table.bundle(width: 120) }

    /// The title of the heatmap of R.
    var heatmapTitle: String { "\(name): accuracy on each task (columns) after each stage (rows)" }

    /// R as a heatmap: a row per stage, a column per task.
    func heatmap(title: String) -> Heatmap {
        Heatmap(matrix: metrics.matrix, rowLabels: stageNames, columnLabels: taskNames, title: title)
    }

    /// The heatmap of R and, for a sequential run, each task's accuracy across the stream.
    var figures: [MimeBundle] {
        let heatmap = heatmap(title: heatmapTitle)
        guard metrics.isSequential else { return [heatmap.bundle] }
        let series = taskNames.enumerated().map { task, taskName in
            Series(name: taskName, points: metrics.matrix.enumerated().map { (x: Double($0.offset), y: $0.element[task]) })
        }
        let lines = LineChart(series: series, title: "\(name): accuracy on each task as the stream goes on",
                              xLabel: "tasks trained − 1", yLabel: "accuracy")
        return [heatmap.bundle, lines.bundle]
    }

    static var helpTopic: (title: String, names: [String]) { ("a continual-learning result", ["continual"]) }

    static var propertyTable: [ObjectProperty<ContinualObject>] {
        let numbers = { (values: [Double]) in Value.list(values.map(Value.number)) }
        let optional = { (value: Double?) in value.map(Value.number) ?? .none }
        return [
            ObjectProperty("accuracy", "the mean final accuracy over every task (ACC)") { result, _ in .number(result.metrics.averageAccuracy) },
            ObjectProperty("baseline", "each task's accuracy before the stream, the baseline of FWT") { result, _ in numbers(result.metrics.baseline) },
            ObjectProperty("bwt", "backward transfer: the mean change of each earlier task's accuracy from just after it was learned to the end") {
                result, _ in optional(result.metrics.backwardTransfer)
            },
            ObjectProperty("config", "the settings of the run") { result, _ in .record(result.settings) },
            ObjectProperty("final", "each task's accuracy at the end") { result, _ in numbers(result.metrics.final) },
            ObjectProperty("forgetting", "each task's (but the last) best accuracy before the end minus its final accuracy") {
                result, _ in numbers(result.metrics.forgetting)
            },
            ObjectProperty("fwt", "forward transfer: the mean accuracy on each task just before it was learned, minus its baseline") {
                result, _ in optional(result.metrics.forwardTransfer)
            },
            ObjectProperty("matrix", "R: a list per stage of the accuracy on each task") { result, _ in
                .list(result.metrics.matrix.map(numbers))
            },
            ObjectProperty("mean_forgetting", "the mean forgetting over the tasks but the last") { result, _ in
                optional(result.metrics.averageForgetting)
            },
            ObjectProperty("name", "the result's name") { result, _ in .string(result.name) },
            ObjectProperty("scenario", "class_incremental or task_incremental") { result, _ in .symbol(result.scenario.rawValue) },
            ObjectProperty("seed", "the seed of the first task's run") { result, _ in .number(Double(result.seed)) },
            ObjectProperty("seen_so_far", "after each stage, the mean accuracy over the tasks trained so far") { result, _ in
                numbers(result.metrics.accuracySoFar)
            },
            ObjectProperty("strategy", "the strategy as written, e.g. replay(buffer: 200, ratio: 0.5)") { result, _ in .string(result.strategy.text) },
            ObjectProperty("summary", "one record of the headline measures, for a table of several results") { result, _ in
                .record(Record(typeName: "record", fields: [
                    Record.Field(name: "name", value: .string(result.name)),
                    Record.Field(name: "strategy", value: .string(result.strategy.word)),
                    Record.Field(name: "scenario", value: .symbol(result.scenario.rawValue)),
                    Record.Field(name: "accuracy", value: .number(result.metrics.averageAccuracy)),
                    Record.Field(name: "bwt", value: optional(result.metrics.backwardTransfer)),
                    Record.Field(name: "fwt", value: optional(result.metrics.forwardTransfer)),
                    Record.Field(name: "forgetting", value: optional(result.metrics.averageForgetting)),
                ]))
            },
            ObjectProperty("tasks", "each task's name") { result, _ in .list(result.taskNames.map(Value.string)) },
        ]
    }
}
