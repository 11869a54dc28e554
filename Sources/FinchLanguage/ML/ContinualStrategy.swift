/// How `continual` trains through a stream of tasks, and the two scenarios it is scored in.
enum ContinualStrategy: Equatable {
    /// Each task in turn, nothing done against forgetting.
    case naive
    /// Each task in turn, each batch mixing in `ratio` of examples from a bounded buffer of
    /// earlier tasks' examples kept by reservoir sampling.
    case replay(buffer: Int, ratio: Double)
    /// Each task in turn, with the EWC penalty of every earlier task at strength `lambda`.
    case ewc(lambda: Double)
    /// Each task in turn, distilling the outputs of the model as it was before the task, at
    /// weight `lambda`.
    case lwf(lambda: Double)
    /// Every task at once: the upper bound the sequential strategies are measured against.
    case joint

    /// The words of `strategy:`.
    static let words = ["naive", "replay", "ewc", "lwf", "joint"]
    /// The `continual` keywords each strategy takes as its settings.
    static let settings = ["replay": ["buffer", "ratio"], "ewc": ["lambda"], "lwf": ["lambda"]]

    /// The strategy as written, e.g. `replay(buffer: 200, ratio: 0.5)`.
    var text: String {
        switch self {
        case .naive: "naive"
        case let .replay(buffer, ratio): "replay(buffer: \(buffer), ratio: \(Value.format(ratio)))"
        case let .ewc(lambda): "ewc(lambda: \(Value.format(lambda)))"
        case let .lwf(lambda): "lwf(lambda: \(Value.format(lambda)))"
        case .joint: "joint"
        }
    }

    /// The word alone, e.g. `replay`.
    var word: String { String(text.prefix { $0 != "(" }) }
}

/// Which outputs may answer for a task's examples.
enum ContinualScenario: String, CaseIterable {
    /// One shared head over every class: a task's examples may be given any class.
    case classIncremental = "class_incremental"
    /// The task is known: its examples are scored, and trained, among the task's own classes.
    case taskIncremental = "task_incremental"
}
