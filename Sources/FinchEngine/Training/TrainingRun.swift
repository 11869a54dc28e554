/// How a run checks itself on held-out data: every `interval` steps (and after the last), the
/// model is evaluated on `batches()`; with `earlyStop`, the run ends when the watched figure
/// has not improved for `patience` evaluations in a row.
public struct ValidationPlan {
    /// The batches of one evaluation; called at each one (fixed batches, or fresh draws).
    public var batches: () -> [Batch]
    /// Steps between evaluations (at least 1).
    public var interval: Int
    /// When to stop before the last step, if at all.
    public var earlyStop: EarlyStopping?

    /// A plan that evaluates on `batches()` every `interval` steps.
    public init(batches: @escaping () -> [Batch], interval: Int, earlyStop: EarlyStopping? = nil) {
        self.batches = batches
        self.interval = max(1, interval)
        self.earlyStop = earlyStop
    }
}

/// Early stopping: the figure watched and how many evaluations without improvement end the run.
public struct EarlyStopping: Equatable, Sendable {
    /// A figure of an evaluation that early stopping can watch.
    public enum Metric: String, CaseIterable, Sendable {
        /// The validation loss (lower is better).
        case loss = "val_loss"
        /// The validation accuracy (higher is better).
        case accuracy = "val_accuracy"
        /// The validation F1 (of the positive class with two classes, else macro; higher is better).
        case f1 = "val_f1"
        /// The validation F1 averaged over classes (higher is better).
        case macroF1 = "val_macro_f1"
        /// The validation precision (as F1: positive class or macro; higher is better).
        case precision = "val_precision"
        /// The validation recall (as F1: positive class or macro; higher is better).
        case recall = "val_recall"
    }

    /// The watched figure.
    public var metric: Metric
    /// Evaluations in a row without improvement before stopping.
    public var patience: Int

    /// Watches `metric` with `patience`.
    public init(metric: Metric, patience: Int) {
        self.metric = metric
        self.patience = patience
    }

    /// The watched figure of `point` as a loss (lower is better); nil when it was not measured.
    func loss(of point: ValidationPoint) -> Double? {
        switch metric {
        case .loss: Double(point.loss)
        case .accuracy: point.accuracy.map { -Double($0) }
        case .f1: point.confusion.map { -$0.headline.f1 }
        case .macroF1: point.confusion.map { -$0.macro.f1 }
        case .precision: point.confusion.map { -$0.headline.precision }
        case .recall: point.confusion.map { -$0.headline.recall }
        }
    }
}

/// One evaluation on the validation data during a run.
public struct ValidationPoint: Equatable, Sendable {
    /// Steps finished when it was measured.
    public var step: Int
    /// Mean loss over the validation batches.
    public var loss: Float
    /// Fraction classified correctly, for class targets.
    public var accuracy: Float?
    /// Counts of (class, prediction), for a classifier with one output per example.
    public var confusion: ConfusionMatrix?
}

/// What a run is about to do, known once the first batch has been rehearsed.
public struct TrainingStart: Equatable, Sendable {
    /// Bytes one step needs.
    public var memory: MemoryEstimate
    /// How long one step should take.
    public var time: StepTimeEstimate
    /// Steps the run will take unless it stops early.
    public var steps: Int
}

/// What a run tells its observer, in order: `started` once, `step` after every step,
/// `evaluated` after every evaluation, `finished` once at the end.
public enum TrainingEvent {
    /// The guards passed and the first batch was rehearsed; no step has run yet.
    case started(TrainingStart)
    /// A step finished.
    case step(StepReport)
    /// The validation data was measured.
    case evaluated(ValidationPoint)
    /// The run ended (its history is also what `run` returns).
    case finished(TrainingHistory)
}

/// Why a run ended.
public enum StopReason: Equatable, Sendable {
    /// All configured steps ran.
    case completed
    /// The cancellation check returned true between steps.
    case cancelled
    /// The loss became NaN or infinite; parameters are those after the last finite step.
    case diverged
    /// The watched figure did not improve for `patience` evaluations.
    case earlyStopped(EarlyStopping)
}

/// What happened in a run: every step's loss and rate, every evaluation, and why it ended. The
/// model holds the weights after the last finished step.
public struct TrainingHistory: Equatable, Sendable {
    /// Loss of every finished step.
    public var losses: [Float] = []
    /// Learning rate of every finished step.
    public var learningRates: [Float] = []
    /// Every evaluation, in order.
    public var validations: [ValidationPoint] = []
    /// Why the run ended.
    public var stopReason = StopReason.completed
    /// The estimated bytes of one step.
    public var memory: MemoryEstimate
    /// Largest `StepReport.peakBytes`.
    public var peakBytes = 0
    /// Wall time of the steps and evaluations, in seconds.
    public var seconds = 0.0

    /// Steps finished.
    public var stepsCompleted: Int { losses.count }
}
