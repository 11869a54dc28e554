import FinchDisplay

extension Command {
    /// `predict MODEL on INPUTS`: the predicted class and its probability for each input.
    static let predict = Command(
        name: "predict",
        summary: "Classify new inputs: the predicted class of each, with the probability of every class.",
        positional: [Parameter("model", .any, doc: "the classifier", required: true)],
        prepositions: [Parameter("on", .any, doc: "a data set, one row of numbers, or a list of rows", required: true)]
    ) { invocation throws(FinchError) in
        let object = try invocation.object("model", ModelObject.self, what: "a model")
        let examples = try predictionInputs(invocation, object)
        let names = object.classNames ?? (0..<object.model.plan.outputWidth).map(String.init)
        let probabilities = try InferenceRunner.probabilities(object, examples, at: invocation.place("on"))
        let rows: [[Cell]] = probabilities.enumerated().map { index, row in
            let best = row.indices.max { row[$0] < row[$1] } ?? 0
            return [.number(Double(index)), .text(best < names.count ? names[best] : String(best)), .number(row[best])]
                + (names.count <= 10 ? row.map(Cell.number) : [])
        }
        let columns: [Column] = ["example", "predicted", "probability"] + (names.count <= 10 ? names.map { Column("p(\($0))") } : [])
        return .wrap(TableObject(Table(columns: columns, rows: rows, caption: "\(object.name): predictions"), name: "predictions"))
    }

    /// The examples `predict … on` names: a data set, one row of numbers, or a list of rows.
    private static func predictionInputs(_ invocation: Invocation, _ object: ModelObject) throws(FinchError) -> Examples {
        guard let bound = invocation.bound("on") else { throw FinchError(.argument, "'predict' needs 'on'", at: invocation.range) }
        if let data = bound.value.object(DatasetObject.self) { return data.examples }
        var rows: [[Float]] = []
        let list: [Value] = if case .list(let elements) = bound.value { elements } else { [] }
        let nested = list.allSatisfy { if case .list = $0 { true } else { false } } && !list.isEmpty
        for row in nested ? list : [bound.value] {
            guard case .list(let cells) = row, let numbers = Functions.numbers(in: cells) else {
                throw FinchError(.type, "'predict' needs a data set, a row of numbers or a list of rows, not \(bound.value.typeDescription)",
                                 at: bound.range)
            }
            rows.append(numbers.map(Float.init))
        }
        guard case .features(let width) = object.model.spec.input else {
            throw FinchError(.value, "\(object.name) reads tokens; give it a data set of texts", at: bound.range)
        }
        if let bad = rows.first(where: { $0.count != width }) {
            throw FinchError(.value, "\(object.name) reads rows of \(width) numbers, not \(bad.count)", at: bound.range)
        }
        return Examples(inputs: .features(rows), labels: nil, classNames: object.classNames ?? [])
    }
}
