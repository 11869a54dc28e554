import FinchData
import FinchEngine

extension Command {
    /// `distill STUDENT from: TEACHER on: DATA [temperature: T] [alpha: A] [epochs: N] …`:
    /// trains the student on the teacher's softened outputs (and the labels, if any); returns the run.
    static let distill = Command(
        name: "distill",
        summary: "Train a student model on a teacher's soft targets at a temperature (Hinton et al. 2015): "
            + "α·T²·KL(soft) + (1−α)·CE(labels). Unlabelled data is learned from the soft targets alone.",
        positional: [Parameter("model", .any, doc: "the student, trained in place; it must output the teacher's classes", required: true)],
        prepositions: [
            Parameter("from", .any, doc: "the teacher, a trained classifier (left unchanged)", required: true),
            Parameter("on", .any, doc: "the data: labelled, or unlabelled for soft targets alone", required: true),
        ],
        keywords: [
            Parameter("temperature", .number, doc: "T, how much the teacher's outputs are softened (> 0)", default: .number(4)),
            Parameter("alpha", .number, doc: "α in [0, 1], the weight of the soft term (1 on unlabelled data)", default: .number(0.5)),
            EpochBudget.parameter,
            Parameter("steps", .number, doc: "the number of steps, instead of epochs"),
            Parameter("validate", .any, doc: "labelled validation data, measured each epoch (or eval_every steps)"),
        ] + TrainingOptions.parameters(),
        displaysItsValue: true
    ) { invocation throws(FinchError) in
        let student = try invocation.object("model", ModelObject.self, what: "a model")
        let teacher = try invocation.object("from", ModelObject.self, what: "a model")
        let data = try invocation.object("on", DatasetObject.self, what: "a data set")
        let dataset = data.dataset
        try checkPair(student, teacher, data, invocation)
        let temperature = try invocation.number("temperature", in: 0.01...1000) ?? 4
        let labelled = dataset.labels != nil
        let alpha = labelled ? try invocation.number("alpha", in: 0...1) ?? 0.5 : 1
        if student.tokenizer == nil { student.tokenizer = teacher.tokenizer }
        let reading = try DataReading.of(dataset, by: student, in: invocation)
        let training = try InputStandardisation.scaled(dataset, for: teacher, at: invocation.place("on"))
        let batch = min(try invocation.integer("batch", in: 1...100_000) ?? 16, dataset.count)
        let perEpoch = (dataset.count + batch - 1) / batch
        let (epochs, automatic) = try EpochBudget.epochs(invocation, stepsPerEpoch: perEpoch)
        let steps = try invocation.integer("steps", in: 1...10_000_000) ?? perEpoch * epochs
        let seed = try TrainingOptions.seed(invocation, purpose: "distill " + student.name)
        let config = try TrainingOptions.config(invocation, steps: steps, seed: seed)
        let maker = try distillationBatches(training, reading, batch: batch, seed: seed, at: invocation.place("on"))
        var validation: [Batch] = []
        if let bound = invocation.bound("validate") {
            guard let held = bound.value.object(DatasetObject.self), held.dataset.labels != nil else {
                throw FinchError(TrainingCommandFailure.validationNotDataset(regression: false, type: bound.value.typeDescription), at: bound.range)
            }
            let scaled = try InputStandardisation.scaled(held.dataset, for: teacher, at: bound.range)
            validation = try distillationBatches(scaled, reading, batch: batch, seed: seed, at: bound.range).evaluationBatches(limit: held.dataset.count)
        }
        var settings = TrainingOptions.settings(invocation, steps: steps, extra: [
            Record.Field(name: "teacher", value: .string(teacher.name)),
            Record.Field(name: "temperature", value: .number(temperature)), Record.Field(name: "alpha", value: .number(alpha)),
        ])
        if !labelled { settings.append(Record.Field(name: "labels", value: .string("none: soft targets only"))) }
        var plan = TrainingPlan(kind: "distill", method: "distill", model: student, config: config, maker: maker, validation: validation,
                                evaluationInterval: try invocation.integer("eval_every", in: 1...10_000_000) ?? perEpoch, earlyStop: nil,
                                settings: settings, name: TrainingOptions.runName(invocation))
        plan.objective = Distillation(teacher: teacher.model, temperature: Float(temperature), alpha: Float(alpha))
        if automatic { plan.stepsChoice = "\(epochs) epochs: auto" }
        plan.begin = {
            student.model.inputScaling = teacher.model.inputScaling
            student.classNames = teacher.classNames ?? dataset.classNamesIfLabelled
            if let tokenizer = reading.tokenizer {
                student.tokenizer = .wrap(TokenizerObject(tokenizer))
                student.textContext = reading.context
            }
        }
        return .wrap(try TrainingRunner(invocation).run(plan))
    }

    /// Refuses a student and teacher that are not classifiers of the same classes, or that
    /// read other inputs, and data of another number of classes.
    private static func checkPair(_ student: ModelObject, _ teacher: ModelObject, _ data: DatasetObject,
                                  _ invocation: Invocation) throws(FinchError) {
        guard teacher.model.head.kind == .classify else {
            throw FinchError(TrainingCommandFailure.teacherNotClassifier(teacher: teacher.name), at: invocation.place("from"))
        }
        let classes = teacher.model.plan.outputWidth
        guard student.model.head.kind == .classify, student.model.plan.outputWidth == classes else {
            throw FinchError(TrainingCommandFailure.studentClasses(student: student.name, outputs: student.model.plan.outputWidth,
                                                                 teacher: teacher.name, classes: classes),
                             at: invocation.place("model"))
        }
        switch (student.model.spec.input, teacher.model.spec.input) {
        case let (.features(a), .features(b)) where a == b: break
        case (.tokens, .tokens): break
        default: throw FinchError(TrainingCommandFailure.differentInputs(student: student.name, teacher: teacher.name), at: invocation.place("model"))
        }
        if data.dataset.labels != nil, data.dataset.classNames.count != classes {
            throw FinchError(TrainingCommandFailure.dataClasses(data: data.name, classes: data.dataset.classNames.count, teacher: teacher.name,
                                                              teacherClasses: classes),
                             at: invocation.place("on"))
        }
        if data.dataset.texts != nil, student.tokenizer != nil, teacher.tokenizer != nil,
           student.tokenizer?.object(TokenizerObject.self)?.tokenizer.vocabulary != teacher.tokenizer?.object(TokenizerObject.self)?.tokenizer.vocabulary {
            throw FinchError(TrainingCommandFailure.differentTokenizers(student: student.name, teacher: teacher.name), at: invocation.place("model"))
        }
    }

    /// Shuffled batches of `dataset` for distillation, labelled or not.
    private static func distillationBatches(_ dataset: Dataset, _ reading: DataReading, batch: Int, seed: UInt64,
                                            at range: SourceRange) throws(FinchError) -> ClassBatches {
        do throws(DataError) {
            if let tokenizer = reading.tokenizer {
                return try ClassBatches(texts: dataset, tokenizer: tokenizer, context: reading.context, batch: batch, seed: seed, unlabelled: true)
            }
            return try ClassBatches(features: dataset, batch: batch, seed: seed, unlabelled: true)
        } catch {
            throw FinchError(EngineRefusal.data(error), at: range)
        }
    }
}

extension Dataset {
    /// The class names of a labelled data set; nil without labels.
    var classNamesIfLabelled: [String]? { labels == nil ? nil : classNames }
}
