extension Command {
    /// `summary MODEL`: the layer table with output shapes, parameters, trainable or frozen.
    static let summary = Command(
        name: "summary",
        summary: "Show a model's layers: output shapes, parameter counts, trainable or frozen, and totals.",
        positional: [Parameter("model", .any, doc: "the model to describe", required: true)]
    ) { invocation throws(FinchError) in
        let model = try invocation.object("model", ModelObject.self, what: "a model")
        let summary = try model.summary { () throws(FinchError) in try invocation.interpreter.checkInterruption(at: invocation.range) }
        return .wrap(TableObject(summary.table, name: "summary of \(model.name)"))
    }
}
