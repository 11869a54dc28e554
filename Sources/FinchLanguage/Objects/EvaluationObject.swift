import FinchDisplay
import FinchEngine

/// The result of `evaluate`: accuracy, per-class and macro precision, recall and F1, and the
/// confusion matrix.
final class EvaluationObject: DocumentedObject {
    /// The model evaluated.
    let modelName: String
    /// The data it was evaluated on.
    let dataName: String
    /// The counts of (label, prediction).
    let matrix: ConfusionMatrix
    /// The class names, in class order.
    let classNames: [String]
    /// Mean cross-entropy on the data.
    let loss: Double
    /// How the classifier's confidence matches its accuracy.
    let calibration: Calibration
    /// How long the classification took, when it is part of the method's cost (prompting runs the
    /// language model once per text and label).
    let seconds: Double?

    /// An evaluation; see the properties.
    init(modelName: String, dataName: String, matrix: ConfusionMatrix, classNames: [String], loss: Double, calibration: Calibration,
         seconds: Double? = nil) {
        self.modelName = modelName
        self.dataName = dataName
        self.matrix = matrix
        self.classNames = classNames
        self.loss = loss
        self.calibration = calibration
        self.seconds = seconds
    }

    var typeName: String { "evaluation" }

    var text: String { report.text }

    /// The per-class table (macro row last) with the confusion heatmap after it.
    var report: TableObject {
        let rows: [[Cell]] = zip(classNames, matrix.perClass).map { name, scores in
            [.text(name), .number(scores.precision), .number(scores.recall), .number(scores.f1), .number(Double(scores.support))]
        }
        let macro = matrix.macro
        let table = Table(columns: ["class", "precision", "recall", "F1", Column("support", format: .count)],
                          rows: rows + [[.text("macro"), .number(macro.precision), .number(macro.recall), .number(macro.f1),
                                         .number(Double(matrix.total))]],
                          caption: "\(modelName) on \(dataName): accuracy \(NumberFormat.standard.string(matrix.accuracy)), loss \(NumberFormat.standard.string(loss))",
                          maxRows: max(40, classNames.count + 1))
        return TableObject(table, name: "evaluation", charts: [confusionHeatmap(title: "Confusion (rows: true class, columns: predicted)").bundle])
    }

    /// The confusion matrix as a heatmap titled `title`, class names on both axes.
    func confusionHeatmap(title: String) -> Heatmap {
        Heatmap(matrix: matrix.counts.map { $0.map(Double.init) }, rowLabels: classNames, columnLabels: classNames, title: title)
    }

    var bundle: MimeBundle { report.bundle }
    var figures: [MimeBundle] { report.figures }

    static var helpTopic: (title: String, names: [String]) { ("an evaluation", ["evaluation"]) }

    static var propertyTable: [ObjectProperty<EvaluationObject>] {
        [
            ObjectProperty("accuracy", "the fraction classified correctly") { evaluation, _ in .number(evaluation.matrix.accuracy) },
            ObjectProperty("confidence", "the mean confidence (largest probability) over the examples") { evaluation, _ in
                .number(evaluation.calibration.meanConfidence)
            },
            ObjectProperty("confidence_wrong", "the mean confidence of the wrong answers (none when none is wrong)") { evaluation, _ in
                evaluation.calibration.wrongConfidence.map(Value.number) ?? .none
            },
            ObjectProperty("ece", "the expected calibration error over 15 bins of confidence: 0 when as sure as right") { evaluation, _ in
                .number(evaluation.calibration.expectedError)
            },
            ObjectProperty("confusion", "counts of [true class][predicted class]") { evaluation, _ in
                .list(evaluation.matrix.counts.map { .list($0.map { .number(Double($0)) }) })
            },
            ObjectProperty("f1", "F1: of the positive (second) class with two classes, else the mean over classes") { evaluation, _ in
                .number(evaluation.matrix.headline.f1)
            },
            ObjectProperty("macro_f1", "F1 averaged over the classes") { evaluation, _ in .number(evaluation.matrix.macro.f1) },
            ObjectProperty("f1_per_class", "F1 of each class") { evaluation, _ in .list(evaluation.matrix.perClass.map { .number($0.f1) }) },
            ObjectProperty("loss", "the mean cross-entropy") { evaluation, _ in .number(evaluation.loss) },
            ObjectProperty("precision", "precision: of the positive class with two classes, else the mean over classes") { evaluation, _ in
                .number(evaluation.matrix.headline.precision)
            },
            ObjectProperty("precision_per_class", "precision of each class") { evaluation, _ in .list(evaluation.matrix.perClass.map { .number($0.precision) }) },
            ObjectProperty("recall", "recall: of the positive class with two classes, else the mean over classes") { evaluation, _ in
                .number(evaluation.matrix.headline.recall)
            },
            ObjectProperty("seconds", "how long prompting took (none for evaluate)") { evaluation, _ in evaluation.seconds.map(Value.number) ?? .none },
            ObjectProperty("recall_per_class", "recall of each class") { evaluation, _ in .list(evaluation.matrix.perClass.map { .number($0.recall) }) },
            ObjectProperty("table", "the per-class table") { evaluation, _ in .wrap(TableObject(evaluation.report.table, name: "evaluation")) },
        ]
    }
}
