import FinchDisplay

/// Models, data and runs that `evaluate`, `predict` and `compare` cannot measure: data without
/// labels or of the wrong shape, heads that do not fit it, and runs that did not measure the
/// figure asked for.
enum EvaluationCommandFailure: LanguageFailure, Equatable, Sendable {
    /// `data` has neither labels nor targets.
    case noLabels(data: String)
    /// `data` has `classes` classes, but `model` outputs `outputs` values.
    case classCount(data: String, classes: Int, model: String, outputs: Int)
    /// A confusion matrix of `classes` classes needing `bytes`, over the `budget`.
    case confusionMatrixOverBudget(classes: Int, bytes: Int, budget: Int)
    /// `data` has a number to predict, `target`, but `model` is not a regressor of one value.
    case notARegressor(data: String, target: String, model: String)
    /// `predict` with `model`, which outputs a vector at every position; `languageModel` if its
    /// head is `lm`.
    case predictionPerPosition(model: String, languageModel: Bool)
    /// `predict` without `on`.
    case predictWithoutInput
    /// `predict` on an empty list.
    case predictOnEmptyList
    /// `predict` on a value of type `type`.
    case predictInput(type: String)
    /// Rows of numbers of different lengths: `expected` numbers, then `given`.
    case rowLengths(expected: Int, given: Int)
    /// `compare` given something other than a list.
    case compareNeedsList
    /// `compare` given a list holding a value of type `type`.
    case compareNeedsRuns(type: String)
    /// `compare … by: measure`, which none of the runs measured.
    case notMeasured(String)

    /// Argument errors for a missing input, type errors for inputs of the wrong type, value
    /// errors otherwise.
    var kind: ErrorKind {
        switch self {
        case .predictWithoutInput: .argument
        case .predictInput, .compareNeedsList, .compareNeedsRuns: .type
        case .noLabels, .classCount, .confusionMatrixOverBudget, .notARegressor, .predictionPerPosition, .predictOnEmptyList,
             .rowLengths, .notMeasured: .value
        }
    }

    /// What cannot be measured, and why.
    var message: String {
        switch self {
        case .noLabels(let data): "\(data) has no labels to evaluate against"
        case let .classCount(data, classes, model, outputs): "\(data) has \(classes) classes, but \(model) outputs \(outputs) values"
        case let .confusionMatrixOverBudget(classes, bytes, budget):
            "a confusion matrix of \(classes) classes needs about \(ByteSize.text(bytes)), over the budget of \(ByteSize.text(budget))"
        case let .notARegressor(data, target, model):
            "\(data) has a number to predict (\(target)), but \(model) is not a regressor of one value"
        case .predictionPerPosition(let model, _): "\(model) outputs a vector at every position, not one prediction per example"
        case .predictWithoutInput: "'predict' needs 'on'"
        case .predictOnEmptyList: "'predict' needs at least one input, but the list is empty"
        case .predictInput(let type):
            "'predict' needs a data set, a text, a list of texts, a row of numbers or a list of rows, not \(type)"
        case let .rowLengths(expected, given): "every row needs \(expected) numbers, not \(given)"
        case .compareNeedsList: "'compare' needs a list of runs, as in compare [probe, lora]"
        case .compareNeedsRuns(let type): "'compare' needs runs, not \(type)"
        case .notMeasured(let measure): "none of these runs measured \(measure)"
        }
    }

    /// How to load the labels, change the model or measure the figure.
    var note: String? {
        switch self {
        case .noLabels: "load it with label: COLUMN, or target: COLUMN for a number to predict"
        case .confusionMatrixOverBudget: "evaluate fewer classes, or predict and compare the labels yourself"
        case let .predictionPerPosition(model, languageModel):
            languageModel ? "use 'generate \(model) from …' to continue a text"
                : "end the model with a head that pools the sequence, e.g. 'copy \(model) head: classify(classes: N)'"
        case .notMeasured(let measure):
            ["accuracy", "f1", "macro_f1", "precision", "recall"].contains(measure)
                ? "\(measure) needs labelled validation data (validate:); try by: final_loss" : nil
        case .classCount, .notARegressor, .predictWithoutInput, .predictOnEmptyList, .predictInput, .rowLengths, .compareNeedsList,
             .compareNeedsRuns: nil
        }
    }
}
