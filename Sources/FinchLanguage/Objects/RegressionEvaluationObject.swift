import FinchDisplay
import FinchEngine

/// The result of `evaluate` for a regressor: mean absolute error, root mean squared error and R²
/// on the targets' own scale.
final class RegressionEvaluationObject: DocumentedObject {
    /// The model evaluated.
    let modelName: String
    /// The data it was evaluated on.
    let dataName: String
    /// What was predicted (the target column).
    let targetName: String
    /// The scores.
    let scores: RegressionScores

    /// An evaluation; see the properties.
    init(modelName: String, dataName: String, targetName: String, scores: RegressionScores) {
        self.modelName = modelName
        self.dataName = dataName
        self.targetName = targetName
        self.scores = scores
    }

    var typeName: String { "evaluation" }

    /// One row: the target, MAE, RMSE, R² and the number of examples.
    var table: Table {
        Table(columns: ["target", "MAE", "RMSE", "R²", Column("examples", format: .count)],
              rows: [[.text(targetName), .number(scores.mae), .number(scores.rmse), .number(scores.r2), .number(Double(scores.count))]],
              caption: "\(modelName) on \(dataName): R² \(NumberFormat.standard.string(scores.r2))")
    }

    var text: String { table.render(width: 100) }

    var bundle: MimeBundle { table.bundle(width: 100) }

    static var helpTopic: (title: String, names: [String]) { ("a regression evaluation", ["regression"]) }

    static var propertyTable: [ObjectProperty<RegressionEvaluationObject>] {
        [
            ObjectProperty("mae", "the mean absolute error, in the target's units") { evaluation, _ in .number(evaluation.scores.mae) },
            ObjectProperty("rmse", "the root mean squared error, in the target's units") { evaluation, _ in .number(evaluation.scores.rmse) },
            ObjectProperty("r2", "R²: 1 − residual / total sum of squares (1 is perfect, 0 is predicting the mean)") { evaluation, _ in
                .number(evaluation.scores.r2)
            },
            ObjectProperty("length", "the number of examples scored") { evaluation, _ in .number(Double(evaluation.scores.count)) },
            ObjectProperty("table", "the table of the scores") { evaluation, _ in .wrap(TableObject(evaluation.table, name: "evaluation")) },
        ]
    }
}
