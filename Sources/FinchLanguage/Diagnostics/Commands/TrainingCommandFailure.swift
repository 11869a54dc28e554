import FinchEngine

/// Models and data that `finetune`, `continual` and `distill` cannot train together: heads that
/// do not fit the labels, held-out data of the wrong kind, settings that defeat their strategy,
/// and students that do not match their teacher.
enum TrainingCommandFailure: LanguageFailure, Equatable, Sendable {
    /// `validate:` given a value of type `type` instead of a data set with targets (if
    /// `regression`) or labels.
    case validationNotDataset(regression: Bool, type: String)
    /// `early_stop:` on a class `metric` while `data` has a number to predict.
    case earlyStopOnRegression(EarlyStopping.Metric, data: String)
    /// `data` has a number to predict, `target`, but `model` is not a regressor of one value.
    case notARegressor(data: String, target: String, model: String)
    /// `data` has neither labels nor targets.
    case noLabels(data: String)
    /// `data` has `classes` classes, but `model` outputs `outputs` values.
    case classCount(data: String, classes: Int, model: String, outputs: Int)
    /// `strategy: lwf` with LoRA on `model`, whose copy cannot hold adapters.
    case distillingLoRA(model: String)
    /// `buffer:` keeping all `examples` training examples of the stream.
    case bufferHoldsEverything(buffer: Int, examples: Int)
    /// A negative `lambda:`.
    case negativeLambda(Double)
    /// `stream` has `classes` classes, but `model` outputs `outputs` (nil if it is not a classifier).
    case streamClasses(stream: String, classes: Int, model: String, outputs: Int?)
    /// A `teacher` whose head does not classify.
    case teacherNotClassifier(teacher: String)
    /// A `student` with `outputs` classes, where its `teacher` has `classes`.
    case studentClasses(student: String, outputs: Int, teacher: String, classes: Int)
    /// A `student` and `teacher` that read different inputs.
    case differentInputs(student: String, teacher: String)
    /// `data` with `classes` classes, where the `teacher` has `teacherClasses`.
    case dataClasses(data: String, classes: Int, teacher: String, teacherClasses: Int)
    /// A `student` and `teacher` trained with different tokenizers.
    case differentTokenizers(student: String, teacher: String)

    /// A type error for `validate:` of the wrong type, value errors otherwise.
    var kind: ErrorKind {
        switch self {
        case .validationNotDataset: .type
        case .earlyStopOnRegression, .notARegressor, .noLabels, .classCount, .distillingLoRA, .bufferHoldsEverything,
             .negativeLambda, .streamClasses, .teacherNotClassifier, .studentClasses, .differentInputs, .dataClasses,
             .differentTokenizers: .value
        }
    }

    /// What does not fit together.
    var message: String {
        switch self {
        case let .validationNotDataset(regression, type):
            "'validate:' needs a data set \(regression ? "with targets" : "with labels"), not \(type)"
        case let .earlyStopOnRegression(metric, data): "early_stop: \(metric.rawValue) measures classes, but \(data) has a number to predict"
        case let .notARegressor(data, target, model):
            "\(data) has a number to predict (\(target)), but \(model) is not a regressor of one value"
        case .noLabels(let data): "\(data) has no labels to fine-tune on"
        case let .classCount(data, classes, model, outputs): "\(data) has \(classes) classes, but \(model) outputs \(outputs) values"
        case .distillingLoRA(let model): "strategy: lwf distils from a copy of \(model), which cannot hold LoRA adapters"
        case let .bufferHoldsEverything(buffer, examples):
            "buffer: \(buffer) holds every one of the stream's \(examples) training examples, so nothing would be forgotten to measure"
        case .negativeLambda(let given): "'lambda:' is a strength and cannot be negative, got \(Value.format(given))"
        case let .streamClasses(stream, classes, model, outputs):
            "the stream \(stream) has \(classes) classes in all, but \(model) " + (outputs.map { "outputs \($0)" } ?? "is not a classifier")
        case .teacherNotClassifier(let teacher): "the teacher \(teacher) is not a classifier"
        case let .studentClasses(student, outputs, teacher, classes):
            "the student \(student) outputs \(outputs) classes, the teacher \(teacher) \(classes)"
        case let .differentInputs(student, teacher): "\(student) and \(teacher) read different inputs"
        case let .dataClasses(data, classes, teacher, teacherClasses): "\(data) has \(classes) classes, the teacher \(teacher) \(teacherClasses)"
        case let .differentTokenizers(student, teacher): "\(student) and \(teacher) were trained with different tokenizers"
        }
    }

    /// How to make the model, the data or the setting fit.
    var note: String? {
        switch self {
        case .earlyStopOnRegression: "use early_stop: val_loss"
        case .notARegressor(_, _, let model): "make one with 'copy \(model) head: regress', or end the model with 'regress'"
        case .noLabels: "load it with label: COLUMN for classes, or target: COLUMN for a number to predict"
        case let .classCount(_, classes, model, _): "make a classifier with 'copy \(model) head: classify(classes: \(classes))'"
        case .distillingLoRA: "use method: full, freeze or probe with lwf"
        case let .bufferHoldsEverything(_, examples):
            "keep fewer (e.g. buffer: \(max(1, examples / 10))), or use strategy: joint to train on everything"
        case .negativeLambda: "0 turns the strategy off; larger values hold the earlier tasks harder"
        case let .streamClasses(_, classes, model, _):
            "one shared head needs an output for every class: 'copy \(model) head: classify(classes: \(classes))'"
        case .studentClasses(_, _, _, let classes): "a student needs the teacher's classes: end it with 'classify classes: \(classes)'"
        case .validationNotDataset, .teacherNotClassifier, .differentInputs, .dataClasses, .differentTokenizers: nil
        }
    }
}
