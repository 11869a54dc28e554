import FinchData
import FinchEngine

extension Command {
    /// `finetune MODEL on DATA [method: full|freeze|probe|lora|prompt] [epochs: N] [validate: DATA] …`:
    /// supervised training on labelled data; returns the run.
    static let finetune = Command(
        name: "finetune",
        summary: "Fine-tune a model on labelled data (or a numeric target, with a regress head): all weights, some frozen, only the head (probe), LoRA adapters, or a soft prompt.",
        positional: [Parameter("model", .any, doc: "the model to train (in place); make one with 'copy … head: classify'", required: true)],
        prepositions: [Parameter("on", .any, doc: "the training data: labelled, or with a target", required: true)],
        keywords: TuningMethod.parameters(merge: true) + [
            Parameter("layer_decay", .number, doc: "discriminative learning rates: each layer below the head trains this much slower"),
            EpochBudget.parameter,
            Parameter("steps", .number, doc: "the number of steps, instead of epochs"),
            Parameter("validate", .any, doc: "labelled validation data, measured each epoch (or eval_every steps)"),
            Parameter("early_stop", .choice(EarlyStopping.Metric.allCases.map(\.rawValue) + ["none"]),
                      doc: "stop when val_loss (or val_accuracy, val_f1, val_macro_f1, val_precision, val_recall) has not improved for patience: validations",
                      default: .symbol("none"),
                      settings: Dictionary(uniqueKeysWithValues: EarlyStopping.Metric.allCases.map { ($0.rawValue, ["patience"]) })),
            Parameter("patience", .number, doc: "validations without improvement before stopping early", default: .number(2)),
            Parameter("class_weights", .wordOrValue(["balanced"]),
                      doc: "weigh the loss of each class's examples: balanced (total / (classes × the class's count), as scikit-learn), or one number per class"),
            Parameter("label_smoothing", .number,
                      doc: "spread this share of each target over all classes (0 to 0.5; e.g. 0.1), so a few-label classifier is not sure of wrong answers",
                      default: .number(0)),
            Parameter("anchor", .number,
                      doc: "L2-SP: pull the body's weights toward their values before fine-tuning with this strength (e.g. 0.01), so a few labels do not wash out pre-training",
                      default: .number(0)),
            Parameter("tokenizer", .any, doc: "texts: the tokenizer (default: the one the model was pre-trained with)"),
            Parameter("context", .number, doc: "texts: tokens per text (default: the longest text, at most the model's context)"),
        ] + TrainingOptions.parameters(),
        displaysItsValue: true
    ) { invocation throws(FinchError) in
        let target = try invocation.object("model", ModelObject.self, what: "a model")
        let data = try invocation.object("on", DatasetObject.self, what: "a labelled data set")
        let dataset = data.dataset
        let regression = dataset.targets != nil
        try checkHead(of: target, fits: data, in: invocation)
        let loss = try FineTuningLoss(invocation, data: data)
        let earlyStop = try invocation.word("early_stop").flatMap(EarlyStopping.Metric.init(rawValue:)).map {
            (metric) throws(FinchError) in
            guard !regression || metric == .loss else {
                throw FinchError(TrainingCommandFailure.earlyStopOnRegression(metric, data: data.name), at: invocation.place("early_stop"))
            }
            return EarlyStopping(metric: metric, patience: try invocation.integer("patience", in: 1...1000) ?? 2)
        }
        var held: Dataset?
        if let bound = invocation.bound("validate") {
            guard let object = bound.value.object(DatasetObject.self),
                  regression ? object.dataset.targets != nil : object.dataset.labels != nil else {
                throw FinchError(TrainingCommandFailure.validationNotDataset(regression: regression, type: bound.value.typeDescription),
                                 at: bound.range)
            }
            held = object.dataset
        }
        let reading = try DataReading.of(dataset, by: target, in: invocation, others: held.map { [$0] } ?? [])
        let standardisation = InputStandardisation(training: dataset, for: target, output: invocation.interpreter.output)
        let training = try standardisation.scaled(dataset, at: invocation.place("on"))
        let validating = try held.map { (held: Dataset) throws(FinchError) in
            try standardisation.scaled(held, at: invocation.place("validate"))
        }
        let batch = min(try invocation.integer("batch", in: 1...100_000) ?? 16, dataset.count)
        let perEpoch = (dataset.count + batch - 1) / batch
        let (epochs, automatic) = try EpochBudget.epochs(invocation, stepsPerEpoch: perEpoch)
        let steps = try invocation.integer("steps", in: 1...10_000_000) ?? perEpoch * epochs
        let seed = try TrainingOptions.seed(invocation, purpose: "finetune " + target.name)
        let anchor = loss.anchor(at: target.model)
        let (method, freezing) = try TuningMethod.apply(invocation, to: target, seed: seed)
        var groups: [ParameterGroup] = []
        if let decay = try invocation.number("layer_decay", in: 0.01...1) { groups = TuningMethod.discriminativeGroups(target, decay: decay) }
        let config = try TrainingOptions.config(invocation, steps: steps, seed: seed, groups: groups)
        let maker = try trainingBatches(training, reading, batch: batch, seed: seed, at: invocation.place("on"))
        let validation = try validating.map { (held: Dataset) throws(FinchError) in
            try trainingBatches(held, reading, batch: batch, seed: seed, at: invocation.place("validate")).evaluationBatches(limit: held.count)
        } ?? []
        let interval = try invocation.integer("eval_every", in: 1...10_000_000) ?? perEpoch
        let merge = method == .lora && invocation.flag("merge") == true
        if !regression { target.classNames = dataset.classNames }
        if let tokenizer = reading.tokenizer {
            target.tokenizer = .wrap(TokenizerObject(tokenizer))
            target.textContext = reading.context
        }
        var extra = [Record.Field(name: "method", value: .symbol(method.rawValue))]
        if automatic { extra.append(Record.Field(name: "epochs", value: .number(Double(epochs)))) }
        for name in ["rank", "alpha", "targets", "merge"] where method == .lora {
            if let value = invocation[name] { extra.append(Record.Field(name: name, value: value)) }
        }
        if method == .prompt, let length = invocation["length"] { extra.append(Record.Field(name: "length", value: length)) }
        if method == .freeze { extra.append(Record.Field(name: "layers", value: .list(freezing.map(Value.string)))) }
        extra += loss.settings
        var plan = TrainingPlan(
            kind: "finetune", method: method.rawValue, model: target, config: config, maker: maker, validation: validation,
            evaluationInterval: interval,
            earlyStop: earlyStop,
            settings: TrainingOptions.settings(invocation, steps: steps, extra: extra),
            name: TrainingOptions.runName(invocation))
        if automatic { plan.stepsChoice = "\(epochs) epochs: auto" }
        if merge { plan.finish = { target.model.mergeLoRA() } }
        plan.retention = target.retention
        plan.objective = loss.objective(anchor: anchor, regression: regression)
        plan.begin = { standardisation.adopt(by: target, output: invocation.interpreter.output) }
        if let held, !regression, held.classCounts.filter({ $0 > 0 }).count >= 2, let largest = held.classCounts.max() {
            plan.chance = Double(largest) / Double(held.count)
        }
        return .wrap(try TrainingRunner(invocation).run(plan))
    }

    /// Checks that `target`'s head suits `data`: a classifier of its classes for labels, a
    /// regressor of one value for numeric targets.
    private static func checkHead(of target: ModelObject, fits data: DatasetObject, in invocation: Invocation) throws(FinchError) {
        let dataset = data.dataset, outputs = target.model.plan.outputWidth
        if dataset.targets != nil {
            guard target.model.head.kind == .regress, outputs == 1 else {
                throw FinchError(TrainingCommandFailure.notARegressor(data: data.name, target: dataset.targetName, model: target.name),
                                 at: invocation.place("model"))
            }
            return
        }
        guard dataset.labels != nil else {
            throw FinchError(TrainingCommandFailure.noLabels(data: data.name), at: invocation.place("on"))
        }
        guard [.classify, .regress].contains(target.model.head.kind), outputs == dataset.classNames.count else {
            throw FinchError(TrainingCommandFailure.classCount(data: data.name, classes: dataset.classNames.count, model: target.name, outputs: outputs),
                             at: invocation.place("model"))
        }
    }

    /// Seeded shuffled batches of `dataset`, read as `reading` says: feature rows with their
    /// numeric targets (regression), else with their classes, or texts tokenized and padded with
    /// their classes. Errors point at `range`.
    static func trainingBatches(_ dataset: Dataset, _ reading: DataReading, batch: Int, seed: UInt64,
                                     at range: SourceRange) throws(FinchError) -> any BatchMaker {
        do throws(DataError) {
            if dataset.targets != nil { return try ValueBatches(dataset: dataset, batch: batch, seed: seed) }
            if let tokenizer = reading.tokenizer {
                return try ClassBatches(texts: dataset, tokenizer: tokenizer, context: reading.context, batch: batch, seed: seed)
            }
            return try ClassBatches(features: dataset, batch: batch, seed: seed)
        } catch {
            throw FinchError(EngineRefusal.data(error), at: range)
        }
    }
}
