import FinchData
import FinchEngine

extension Command {
    /// `continual MODEL through: STREAM [scenario: class_incremental|task_incremental]
    /// [strategy: naive|replay|ewc|lwf|joint] [method: …] [epochs: N] …`: trains a classifier
    /// through a stream of tasks and measures what it forgets.
    static let continual = Command(
        name: "continual",
        summary: "Train a classifier through a stream of tasks, one after another, and measure what it forgets (accuracy matrix, BWT, FWT, forgetting).",
        positional: [Parameter("model", .any, doc: "the classifier to train (in place), with one output per class of the stream", required: true)],
        prepositions: [Parameter("through", .any, doc: "the stream of tasks, made with 'tasks'", required: true)],
        keywords: [
            Parameter("scenario", .choice(ContinualScenario.allCases.map(\.rawValue)),
                      doc: "class_incremental (one head over all classes; a task's examples may be given any class) "
                          + "or task_incremental (the task is known: each example is trained and scored among its task's classes)",
                      default: .symbol(ContinualScenario.classIncremental.rawValue)),
            Parameter("strategy", .choice(ContinualStrategy.words),
                      doc: "naive (one task after another), replay (mix in examples of earlier tasks), ewc (elastic weight consolidation), "
                          + "lwf (learning without forgetting), joint (all tasks at once: the upper bound)",
                      default: .symbol("naive"), settings: ContinualStrategy.settings),
            Parameter("buffer", .number, doc: "strategy: replay — the most earlier examples kept (reservoir sampling)", default: .number(200)),
            Parameter("ratio", .number, doc: "strategy: replay — the share of each batch drawn from the buffer", default: .number(0.5)),
            Parameter("lambda", .number, doc: "strategy: ewc or lwf — the strength of the penalty (ewc, default 100) or of the distillation (lwf, default 1)"),
        ] + TuningMethod.parameters(merge: false) + [
            Parameter("epochs", .number, doc: "passes over each task's training data", default: .number(5)),
            Parameter("tokenizer", .any, doc: "texts: the tokenizer (default: the one the model was pre-trained with)"),
            Parameter("context", .number, doc: "texts: tokens per text (default: the longest text, at most the model's context)"),
        ] + TrainingOptions.parameters().filter { !["eval_every", "schedule", "warmup"].contains($0.name) },
        displaysItsValue: true
    ) { invocation throws(FinchError) in
        let target = try invocation.object("model", ModelObject.self, what: "a classifier")
        let streamObject = try invocation.object("through", StreamObject.self, what: "a stream of tasks (make one with 'tasks')")
        let strategy = try continualStrategy(invocation, streamObject.stream)
        try checkHead(of: target, fits: streamObject.stream, in: invocation)
        let reading = try DataReading.of(try joint(streamObject.stream, in: invocation), by: target, in: invocation,
                                         others: streamObject.stream.tasks.map(\.test))
        let scenario = invocation.word("scenario").flatMap(ContinualScenario.init(rawValue:)) ?? .classIncremental
        let batch = try invocation.integer("batch", in: 1...100_000) ?? 16
        let epochs = try invocation.integer("epochs", in: 1...100_000) ?? 5
        let seed = try TrainingOptions.seed(invocation, purpose: "continual " + target.name)
        _ = try TrainingOptions.config(invocation, steps: 1, seed: seed)
        if case .lwf = strategy, invocation.word("method") == TuningMethod.lora.rawValue || !target.model.adapters.isEmpty {
            throw FinchError(TrainingCommandFailure.distillingLoRA(model: target.name), at: invocation.place("method"))
        }
        let (method, frozen) = try TuningMethod.apply(invocation, to: target, seed: seed)
        let stream = try scaled(streamObject.stream, for: target, in: invocation)
        target.classNames = stream.classNames
        if let tokenizer = reading.tokenizer {
            target.tokenizer = .wrap(TokenizerObject(tokenizer))
            target.textContext = reading.context
        }
        var extra = [Record.Field(name: "scenario", value: .symbol(scenario.rawValue)), Record.Field(name: "strategy", value: .string(strategy.text)),
                     Record.Field(name: "method", value: .symbol(method.rawValue)), Record.Field(name: "epochs", value: .number(Double(epochs)))]
        if method == .freeze { extra.append(Record.Field(name: "layers", value: .list(frozen.map(Value.string)))) }
        let plan = ContinualPlan(
            model: target, stream: stream, reading: reading, scenario: scenario, strategy: strategy, epochs: epochs, batch: batch, seed: seed,
            config: { (steps, seed) throws(FinchError) in try TrainingOptions.config(invocation, steps: steps, seed: seed) },
            name: TrainingOptions.runName(invocation), show: invocation.flag("show") ?? true,
            settings: extra + TrainingOptions.settings(invocation, steps: 0, extra: []).filter { $0.name != "steps" })
        return .wrap(try ContinualRunner(interpreter: invocation.interpreter, range: invocation.range).run(plan))
    }

    /// The strategy `strategy:` and its settings name; a buffer larger than the stream's training
    /// data or a negative strength is refused.
    private static func continualStrategy(_ invocation: Invocation, _ stream: TaskStream) throws(FinchError) -> ContinualStrategy {
        switch invocation.word("strategy") ?? "naive" {
        case "replay":
            let examples = stream.tasks.reduce(0) { $0 + $1.train.count }
            let buffer = try invocation.integer("buffer", in: 1...100_000_000) ?? 200
            guard buffer < examples else {
                throw FinchError(TrainingCommandFailure.bufferHoldsEverything(buffer: buffer, examples: examples), at: invocation.place("buffer"))
            }
            return .replay(buffer: buffer, ratio: try invocation.number("ratio", in: 0.01...0.99) ?? 0.5)
        case "ewc":
            return .ewc(lambda: try strength(invocation, default: 100))
        case "lwf":
            return .lwf(lambda: try strength(invocation, default: 1))
        case "joint":
            return .joint
        default:
            return .naive
        }
    }

    /// `lambda:`, at least 0.
    private static func strength(_ invocation: Invocation, default value: Double) throws(FinchError) -> Double {
        if case .number(let given)? = invocation.bound("lambda")?.value, given < 0 {
            throw FinchError(TrainingCommandFailure.negativeLambda(given), at: invocation.place("lambda"))
        }
        return try invocation.number("lambda", in: 0...1e12) ?? value
    }

    /// Checks that `target` is a classifier with an output for every class of `stream`.
    private static func checkHead(of target: ModelObject, fits stream: TaskStream, in invocation: Invocation) throws(FinchError) {
        let classes = stream.classNames.count, outputs = target.model.plan.outputWidth
        guard target.model.head.kind == .classify, outputs >= classes else {
            throw FinchError(TrainingCommandFailure.streamClasses(stream: stream.name, classes: classes, model: target.name,
                                                                outputs: target.model.head.kind == .classify ? outputs : nil),
                             at: invocation.place("model"))
        }
    }

    /// `stream` with each task's inputs standardised as `target` reads them (a CSV file's
    /// features: fitted on every task's training data at once, and kept by the model).
    private static func scaled(_ stream: TaskStream, for target: ModelObject, in invocation: Invocation) throws(FinchError) -> TaskStream {
        guard stream.tasks.contains(where: { $0.train.standardize }) || target.model.inputScaling != nil else { return stream }
        let standardisation = InputStandardisation(training: try joint(stream, in: invocation), for: target, output: invocation.interpreter.output)
        standardisation.adopt(by: target, output: invocation.interpreter.output)
        var tasks: [TaskStream.Task] = []
        for task in stream.tasks {
            var scaledTask = task
            scaledTask.train = try standardisation.scaled(task.train, at: invocation.place("through"))
            scaledTask.test = try standardisation.scaled(task.test, at: invocation.place("through"))
            tasks.append(scaledTask)
        }
        return stream.replacingTasks(tasks)
    }

    /// Every task's training data together.
    private static func joint(_ stream: TaskStream, in invocation: Invocation) throws(FinchError) -> Dataset {
        do throws(DataError) { return try stream.jointTraining() } catch { throw FinchError(EngineRefusal.data(error), at: invocation.place("through")) }
    }
}
