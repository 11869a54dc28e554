import FinchDisplay
import FinchEngine

extension Command {
    /// `compression [MODEL, …] on DATA [repeats: N]`: the models side by side, the first as the
    /// original: weights, bytes on disk, latency, throughput, accuracy and F1, and a size–accuracy plot.
    static let compression = Command(
        name: "compression",
        summary: "Compare compressed models with the original (the first): weights, bytes on disk, inference latency per example and "
            + "throughput measured in the same run, accuracy and F1, and a size–accuracy plot.",
        positional: [Parameter("models", .any, doc: "a list of classifiers, the original first", required: true)],
        prepositions: [Parameter("on", .any, doc: "labelled test data", required: true)],
        keywords: [Parameter("repeats", .number, doc: "timed passes over the data; the fastest counts", default: .number(3))]
    ) { invocation throws(FinchError) in
        guard let bound = invocation.bound("models"), case .list(let elements) = bound.value, !elements.isEmpty else {
            throw FinchError(CompressionCommandFailure.compressionNeedsList, at: invocation.place("models"))
        }
        var models: [ModelObject] = []
        for element in elements {
            guard let model = element.object(ModelObject.self), model.model.head.kind == .classify else {
                throw FinchError(CompressionCommandFailure.compressionNeedsClassifiers(type: element.typeDescription), at: bound.range)
            }
            models.append(model)
        }
        let data = try invocation.object("on", DatasetObject.self, what: "a labelled data set")
        guard let labels = data.dataset.labels else {
            throw FinchError(CompressionCommandFailure.noLabels(data: data.name), at: invocation.place("on"))
        }
        let repeats = try invocation.integer("repeats", in: 1...100) ?? 3
        var measured: [CompressionMeasurement] = []
        for model in models {
            guard model.model.plan.outputWidth == data.dataset.classNames.count else {
                throw FinchError(CompressionCommandFailure.classCount(data: data.name, classes: data.dataset.classNames.count, model: model.name,
                                                                   outputs: model.model.plan.outputWidth),
                                 at: bound.range)
            }
            measured.append(try CompressionMeasurement(model, on: data.dataset, labels: labels, repeats: repeats, in: invocation))
        }
        return .wrap(compressionReport(measured, dataName: data.name))
    }

    /// The table and the size–accuracy plot of `measured`, the first as the original.
    static func compressionReport(_ measured: [CompressionMeasurement], dataName: String) -> TableObject {
        let original = measured[0]
        let columns: [Column] = [
            "model", Column("weights", format: .count), "zeros", "on disk", Column("smaller", format: NumberFormat(significantDigits: 3)),
            "latency", "throughput", Column("accuracy", format: NumberFormat(significantDigits: 3), best: .max),
            Column("f1", format: NumberFormat(significantDigits: 3), best: .max),
            Column("Δ accuracy", format: NumberFormat(significantDigits: 3)),
        ]
        let rows: [[Cell]] = measured.map { m in
            [.text(m.name), .number(Double(m.weights)), .text(NumberFormat(significantDigits: 3).string(m.sparsity * 100) + "%"),
             .text(ByteSize.text(m.bytes)), .number(Double(original.bytes) / Double(m.bytes)),
             .text(TimeSpan.milliseconds(m.latency)), .text("\(Int(m.throughput.rounded())) ex/s"),
             .number(m.matrix.accuracy), .number(m.matrix.headline.f1), .number(m.matrix.accuracy - original.matrix.accuracy)]
        }
        let table = Table(columns: columns, rows: rows, caption: "compression on \(dataName) (\(measured[0].name) is the original)",
                          notes: ["on disk: the safetensors file save writes; smaller: the original's bytes over the model's",
                                  "latency: one example per forward pass; throughput: batches of \(InferenceRunner.chunk); the fastest of the repeats, in this run",
                                  "zeros: dense weights a pruning mask holds at zero (they take as much time and memory as any other)"])
        let chart = LineChart(series: measured.map { Series(name: $0.name, points: [(Double($0.bytes) / 1024, $0.matrix.accuracy)]) },
                              title: "size and accuracy", xLabel: "KiB on disk", yLabel: "accuracy")
        return TableObject(table, name: "compression", charts: [chart.bundle])
    }
}
