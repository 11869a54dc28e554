#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FinchEngine

extension Command {
    /// `evaluate MODEL on DATA`: accuracy, precision, recall, F1 (per class and macro), confusion
    /// heatmap; for a language model on a text, loss, perplexity and bits per token and character.
    static let evaluate = Command(
        name: "evaluate",
        summary: "Measure a classifier on labelled data (accuracy, precision, recall and F1 per class and macro, a confusion heatmap), "
            + "or a language model on held-out text (loss, perplexity, bits per token and per character).",
        positional: [Parameter("model", .any, doc: "the classifier or language model", required: true)],
        prepositions: [Parameter("on", .any, doc: "labelled data; for a language model, a corpus or tokens", required: true)],
        keywords: [Parameter("tokenizer", .any, doc: "texts: the tokenizer (default: the one the model was trained with)"),
                   Parameter("context", .number, doc: "a language model: tokens per window (default: the model's context)")]
    ) { invocation throws(FinchError) in
        let object = try invocation.object("model", ModelObject.self, what: "a model")
        if object.model.head.kind == .lm { return .wrap(try LanguageModelScoring.evaluate(object, invocation)) }
        let data = try invocation.object("on", DatasetObject.self, what: "a labelled data set")
        if let targets = data.dataset.targets { return try regression(object, data, targets: targets, invocation) }
        guard let labels = data.dataset.labels else {
            throw FinchError(EvaluationCommandFailure.noLabels(data: data.name), at: invocation.place("on"))
        }
        let classes = data.dataset.classNames.count
        guard object.model.plan.outputWidth == classes else {
            throw FinchError(EvaluationCommandFailure.classCount(data: data.name, classes: classes, model: object.name,
                                                              outputs: object.model.plan.outputWidth),
                             at: invocation.place("model"))
        }
        let matrixBytes = 8 * Double(classes) * Double(classes), budget = invocation.interpreter.workbench.memoryBudget
        guard matrixBytes <= Double(budget) else {
            throw FinchError(EvaluationCommandFailure.confusionMatrixOverBudget(classes: classes, bytes: Int(min(matrixBytes, 1e18)), budget: budget),
                             at: invocation.place("on"))
        }
        let reading = try DataReading.of(data.dataset, by: object, in: invocation)
        let probabilities = try InferenceRunner.probabilities(object, data.dataset, reading: reading, interpreter: invocation.interpreter, at: invocation.place("on"))
        let predictions = probabilities.map { row in row.indices.max { row[$0] < row[$1] } ?? 0 }
        let loss = zip(probabilities, labels).reduce(0.0) { $0 - log(max($1.0[$1.1], 1e-12)) } / Double(max(labels.count, 1))
        let matrix: ConfusionMatrix, calibration: Calibration
        do throws(MetricsError) {
            matrix = try ConfusionMatrix(predictions: predictions, labels: labels, classes: classes)
            calibration = try Calibration(probabilities: probabilities, labels: labels)
        } catch {
            throw FinchError(EngineRefusal.metrics(error), at: invocation.place("on"))
        }
        return .wrap(EvaluationObject(modelName: object.name, dataName: data.name, matrix: matrix,
                                      classNames: data.dataset.classNames, loss: loss, calibration: calibration))
    }

    /// `evaluate` of a regressor on `data`, whose numeric `targets` it predicts: MAE, RMSE and R².
    private static func regression(_ object: ModelObject, _ data: DatasetObject, targets: [Float],
                                   _ invocation: Invocation) throws(FinchError) -> Value {
        guard object.model.head.kind == .regress, object.model.plan.outputWidth == 1 else {
            throw FinchError(EvaluationCommandFailure.notARegressor(data: data.name, target: data.dataset.targetName, model: object.name),
                             at: invocation.place("model"))
        }
        let reading = try DataReading.of(data.dataset, by: object, in: invocation)
        let predictions = try InferenceRunner.values(object, data.dataset, reading: reading, interpreter: invocation.interpreter, at: invocation.place("on")).map { $0[0] }
        let scores: RegressionScores
        do throws(MetricsError) { scores = try RegressionScores(predictions: predictions, truths: targets.map(Double.init)) } catch {
            throw FinchError(EngineRefusal.metrics(error), at: invocation.place("on"))
        }
        return .wrap(RegressionEvaluationObject(modelName: object.name, dataName: data.name, targetName: data.dataset.targetName, scores: scores))
    }
}
