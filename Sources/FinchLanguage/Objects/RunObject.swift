import FinchDisplay
import FinchEngine

/// One `pretrain` or `finetune` run: its history, configuration, seed, duration, parameter counts
/// and the Finch version, so a run can be read back, compared and exported.
final class RunObject: DocumentedObject {
    /// What happened to the validation data at one evaluation.
    struct Validation: Equatable {
        /// Steps finished when it was measured.
        let step: Int
        /// Mean loss on the validation data.
        let loss: Double
        /// Fraction classified correctly, for classification.
        let accuracy: Double?
        /// Counts of (class, prediction), for a classifier with one output per example.
        var confusion: ConfusionMatrix?
    }

    /// The variable the run was assigned to, or `run N`.
    let name: String
    /// `pretrain` or `finetune`.
    let kind: String
    /// The model trained.
    let modelName: String
    /// The objective (`next_token`, `denoise`, …) or fine-tuning method (`full`, `lora`, …).
    let method: String
    /// Loss of every finished step, in order.
    let losses: [Double]
    /// Learning rate of every finished step.
    let learningRates: [Double]
    /// Validation measurements, in order.
    let validations: [Validation]
    /// The settings, as a record (steps, batch, lr, schedule, …).
    let config: Record
    /// The seed of the batches and dropout.
    let seed: UInt64
    /// Wall time in seconds.
    let seconds: Double
    /// Parameters of the model, and how many trained.
    let parameters: Int, trainable: Int
    /// Estimated bytes of one training step.
    let memoryBytes: Int
    /// Why the run ended early, if it did.
    let note: String?
    /// For a fine-tune of a pre-trained model's copy: its held-out pre-training loss before and after.
    let forgetting: PretrainingForgetting?
    /// The Finch release that made the run.
    let version = FinchRelease.version

    /// A run; see the properties.
    init(name: String, kind: String, modelName: String, method: String, losses: [Double], learningRates: [Double],
         validations: [Validation], config: Record, seed: UInt64, seconds: Double, parameters: Int, trainable: Int,
         memoryBytes: Int, note: String?, forgetting: PretrainingForgetting? = nil) {
        self.name = name
        self.kind = kind
        self.modelName = modelName
        self.method = method
        self.losses = losses
        self.learningRates = learningRates
        self.validations = validations
        self.config = config
        self.seed = seed
        self.seconds = seconds
        self.parameters = parameters
        self.trainable = trainable
        self.memoryBytes = memoryBytes
        self.note = note
        self.forgetting = forgetting
    }

    /// Loss of the last finished step.
    var finalLoss: Double? { losses.last }
    /// Loss on the validation data at the last evaluation.
    var finalValidationLoss: Double? { validations.last?.loss }
    /// Accuracy on the validation data at the last evaluation, for classification.
    var accuracy: Double? { validations.last?.accuracy ?? nil }
    /// The class counts of the last evaluation, for a classifier.
    var confusion: ConfusionMatrix? { validations.last?.confusion ?? nil }

    var typeName: String { "run" }

    var text: String {
        var parts = ["run \(name): \(kind) \(modelName) (\(method)), \(losses.count) steps"]
        if let finalLoss { parts.append("loss \(NumberFormat.standard.string(finalLoss))") }
        if let finalValidationLoss { parts.append("val loss \(NumberFormat.standard.string(finalValidationLoss))") }
        if let accuracy { parts.append("accuracy \(NumberFormat.standard.string(accuracy))") }
        parts.append("seed \(seed)")
        return parts.joined(separator: ", ") + (note.map { " — \($0)" } ?? "")
    }

    /// The columns of a run's row in `runs` and `compare`.
    static let columns: [Column] = [
        "run", "kind", "model", "method", "steps", Column("final loss", best: .min), Column("val loss", best: .min),
        Column("accuracy", best: .max), Column("trainable", format: .count), Column("params", format: .count), "seed", "time",
    ]

    /// This run as a row of ``columns``.
    var row: [Cell] {
        [.text(name), .text(kind), .text(modelName), .text(method)] + outcome
            + [.number(Double(trainable)), .number(Double(parameters)), .text(String(seed)), .text(TimeSpan.text(seconds))]
    }

    /// Steps, final loss, validation loss and accuracy.
    private var outcome: [Cell] {
        [.number(Double(losses.count)), finalLoss.map(Cell.number) ?? .empty, finalValidationLoss.map(Cell.number) ?? .empty,
         accuracy.map(Cell.number) ?? .empty]
    }

    /// The loss chart: training loss by step and, if measured, validation loss.
    func lossChart(width: Int = 80, height: Int = 12, logY: Bool = false) -> LineChart {
        var series = [Series(name: "train", points: losses.enumerated().map { (Double($0.offset + 1), $0.element) })]
        if !validations.isEmpty {
            series.append(Series(name: "val", points: validations.map { (Double($0.step), $0.loss) }))
        }
        return LineChart(series: series, title: "\(name): loss", xLabel: "step", logY: logY, width: width, height: height)
    }

    /// The columns of the table a run shows on its own (what it trained is in the caption; with
    /// one row there is no best to mark).
    private static let ownColumns: [Column] = ["steps", "final loss", "val loss", "accuracy", "seed", "time"]

    var bundle: MimeBundle {
        let count = NumberFormat.count
        let caption = "run \(name): \(kind) \(modelName) (\(method)), \(count.string(trainable)) of \(count.string(parameters)) parameters trained"
        let table = Table(columns: RunObject.ownColumns, rows: [outcome + [.text(String(seed)), .text(TimeSpan.text(seconds))]], caption: caption,
                          notes: [note, forgetting?.sentence].compactMap { $0 })
        return table.bundle(width: 100)
    }

    /// The loss chart, once a step has finished.
    var figures: [MimeBundle] { losses.isEmpty ? [] : [lossChart().bundle] }

    static var helpTopic: (title: String, names: [String]) { ("a run", ["run"]) }

    static var propertyTable: [ObjectProperty<RunObject>] {
        func numbers(_ values: [Double]) -> Value { .list(values.map(Value.number)) }
        func optional(_ value: Double?) -> Value { value.map(Value.number) ?? .none }
        return [
            ObjectProperty("accuracy", "validation accuracy at the last evaluation (none without labels or validation)") { run, _ in optional(run.accuracy) },
            ObjectProperty("config", "the settings of the run") { run, _ in .record(run.config) },
            ObjectProperty("f1", "validation F1 at the last evaluation: of the positive (second) class with two classes, else macro") { run, _ in
                optional(run.confusion?.headline.f1)
            },
            ObjectProperty("macro_f1", "validation F1 averaged over the classes, at the last evaluation") { run, _ in optional(run.confusion?.macro.f1) },
            ObjectProperty("pretrain_loss_before", "for a fine-tuned copy of a pre-trained model: the pre-training loss on its held-out data before the run (none otherwise)") { run, _ in
                optional(run.forgetting?.before)
            },
            ObjectProperty("pretrain_loss_after", "the same pre-training loss after the run: how much of its pre-training the fine-tune forgot") { run, _ in
                optional(run.forgetting?.after)
            },
            ObjectProperty("precision", "validation precision at the last evaluation (positive class or macro, as f1)") { run, _ in
                optional(run.confusion?.headline.precision)
            },
            ObjectProperty("recall", "validation recall at the last evaluation (positive class or macro, as f1)") { run, _ in
                optional(run.confusion?.headline.recall)
            },
            ObjectProperty("final_loss", "the loss of the last finished step") { run, _ in optional(run.finalLoss) },
            ObjectProperty("kind", "pretrain or finetune") { run, _ in .string(run.kind) },
            ObjectProperty("loss", "the training loss of every step") { run, _ in numbers(run.losses) },
            ObjectProperty("lr", "the learning rate of every step") { run, _ in numbers(run.learningRates) },
            ObjectProperty("memory_mb", "estimated memory of one training step, in MiB") { run, _ in .number(Double(run.memoryBytes) / 1_048_576) },
            ObjectProperty("method", "the objective or fine-tuning method") { run, _ in .string(run.method) },
            ObjectProperty("model", "the name of the model trained") { run, _ in .string(run.modelName) },
            ObjectProperty("name", "the run's name") { run, _ in .string(run.name) },
            ObjectProperty("note", "why the run ended early, or none") { run, _ in run.note.map(Value.string) ?? .none },
            ObjectProperty("parameters", "the model's parameter count") { run, _ in .number(Double(run.parameters)) },
            ObjectProperty("seconds", "how long the run took") { run, _ in .number(run.seconds) },
            ObjectProperty("seed", "the seed of the batches and dropout") { run, _ in .number(Double(run.seed)) },
            ObjectProperty("steps", "how many steps finished") { run, _ in .number(Double(run.losses.count)) },
            ObjectProperty("trainable", "how many parameters trained") { run, _ in .number(Double(run.trainable)) },
            ObjectProperty("val_accuracy", "validation accuracy at each evaluation") { run, _ in
                .list(run.validations.map { $0.accuracy.map(Value.number) ?? .none })
            },
            ObjectProperty("val_loss", "validation loss at each evaluation") { run, _ in numbers(run.validations.map(\.loss)) },
            ObjectProperty("val_steps", "the step of each evaluation") { run, _ in numbers(run.validations.map { Double($0.step) }) },
            ObjectProperty("version", "the Finch release that made the run") { run, _ in .string(run.version) },
        ]
    }
}
