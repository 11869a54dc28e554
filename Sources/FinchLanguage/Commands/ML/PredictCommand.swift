import FinchData
import FinchDisplay

extension Command {
    /// `predict MODEL on INPUTS`: for each input, its id, its true class (for a labelled data
    /// set), the predicted class and the probability of each class; for a regressor, the value.
    static let predict = Command(
        name: "predict",
        summary: "Classify new inputs: the predicted class of each, with the probability of every class.",
        positional: [Parameter("model", .any, doc: "the classifier", required: true)],
        prepositions: [Parameter("on", .any, doc: "a data set, a text, a list of texts, one row of numbers, or a list of rows",
                                 required: true)],
        keywords: [Parameter("tokenizer", .any, doc: "texts: the tokenizer (default: the one the model was trained with)")]
    ) { invocation throws(FinchError) in
        let object = try invocation.object("model", ModelObject.self, what: "a model")
        guard !(object.model.plan.entries.last?.isSequence ?? false) else {
            throw FinchError(EvaluationCommandFailure.predictionPerPosition(model: object.name, languageModel: object.model.head.kind == .lm),
                             at: invocation.place("model"))
        }
        let dataset = try predictionInputs(invocation)
        if object.model.head.kind == .regress { return try regression(object, dataset, invocation) }
        let names = object.classNames ?? (0..<object.model.plan.outputWidth).map(String.init)
        let reading = try DataReading.of(dataset, by: object, in: invocation)
        let probabilities = try InferenceRunner.probabilities(object, dataset, reading: reading, interpreter: invocation.interpreter, at: invocation.place("on"))
        let texts = dataset.texts, labels = dataset.labels
        let rows: [[Cell]] = probabilities.enumerated().map { index, row in
            let best = row.indices.max { row[$0] < row[$1] } ?? 0
            return [.number(Double(dataset.rowIDs[index]))] + (texts.map { [.text(shortened($0[index]))] } ?? [])
                + (labels.map { [.text(dataset.classNames[$0[index]])] } ?? [])
                + [.text(best < names.count ? names[best] : String(best)), .number(row[best])]
                + (names.count <= 10 ? row.map(Cell.number) : [])
        }
        let columns: [Column] = [Column("id", format: .count)] + (texts != nil ? ["text"] : []) + (labels != nil ? ["true"] : [])
            + ["predicted", "probability"] + (names.count <= 10 ? names.map { Column("p(\($0))") } : [])
        return .wrap(TableObject(Table(columns: columns, rows: rows, caption: "\(object.name): predictions"), name: "predictions"))
    }

    /// The predictions of a regressor: one value per output, on the targets' scale.
    private static func regression(_ object: ModelObject, _ dataset: Dataset, _ invocation: Invocation) throws(FinchError) -> Value {
        let reading = try DataReading.of(dataset, by: object, in: invocation)
        let values = try InferenceRunner.values(object, dataset, reading: reading, interpreter: invocation.interpreter, at: invocation.place("on"))
        let width = object.model.plan.outputWidth
        let names = width == 1 ? ["predicted"] : (1...width).map { "predicted \($0)" }
        let targets = dataset.targets
        let rows: [[Cell]] = values.enumerated().map { index, row in
            [.number(Double(dataset.rowIDs[index]))] + (targets.map { [.number(Double($0[index]))] } ?? []) + row.map(Cell.number)
        }
        let columns = [Column("id", format: .count)] + (targets != nil ? [Column("true")] : []) + names.map { Column($0) }
        return .wrap(TableObject(Table(columns: columns, rows: rows,
                                       caption: "\(object.name): predictions"), name: "predictions"))
    }

    /// A text cut to its first 40 characters, on one line.
    private static func shortened(_ text: String) -> String {
        let line = String(text.map { $0.isNewline ? " " : $0 })
        return line.count <= 40 ? line : String(line.prefix(39)) + "…"
    }

    /// The examples `predict … on` names: a data set, a text, a list of texts, one row of
    /// numbers, or a list of rows, as an unlabelled data set.
    private static func predictionInputs(_ invocation: Invocation) throws(FinchError) -> Dataset {
        guard let bound = invocation.bound("on") else { throw FinchError(EvaluationCommandFailure.predictWithoutInput, at: invocation.range) }
        if let data = bound.value.object(DatasetObject.self) { return data.dataset }
        let list: [Value] = if case .list(let elements) = bound.value { elements } else { [bound.value] }
        guard !list.isEmpty else { throw FinchError(EvaluationCommandFailure.predictOnEmptyList, at: bound.range) }
        let texts = list.compactMap { if case .string(let text) = $0 { text } else { nil } }
        if !list.isEmpty, texts.count == list.count {
            return try dataset(at: bound.range) { () throws(DataError) in try Dataset(name: "input", texts: texts) }
        }
        let nested = list.allSatisfy { if case .list = $0 { true } else { false } }
        var rows: [[Double]] = []
        for row in nested ? list : [bound.value] {
            guard case .list(let cells) = row, let numbers = Functions.numbers(in: cells), !numbers.isEmpty else {
                throw FinchError(EvaluationCommandFailure.predictInput(type: bound.value.typeDescription), at: bound.range)
            }
            rows.append(numbers)
        }
        if let bad = rows.first(where: { $0.count != rows[0].count }) {
            throw FinchError(EvaluationCommandFailure.rowLengths(expected: rows[0].count, given: bad.count), at: bound.range)
        }
        return try dataset(at: bound.range) { () throws(DataError) in
            try Dataset(name: "input", features: rows.flatMap { $0.map(Float.init) }, width: rows[0].count)
        }
    }

    /// The data set `make` builds, its error reported at `range`.
    private static func dataset(at range: SourceRange, _ make: () throws(DataError) -> Dataset) throws(FinchError) -> Dataset {
        do throws(DataError) { return try make() } catch { throw FinchError(EngineRefusal.data(error), at: range) }
    }
}
