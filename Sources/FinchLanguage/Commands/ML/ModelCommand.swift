import FinchEngine

extension Command {
    /// `model NAME [seed: N] { layers… }`: describes a model layer by layer and binds it to NAME.
    static let model = Command(
        name: "model",
        summary: "Describe a model layer by layer in the block and name it; its weights are drawn from the seed.",
        positional: [Parameter("name", .word, doc: "the name the model is bound to", required: true)],
        keywords: [Parameter("seed", .number, doc: "the seed of the initial weights (default: from the session seed and the name)")],
        block: .required
    ) { invocation throws(FinchError) in
        let workbench = invocation.interpreter.workbench
        guard workbench.builder == nil else {
            throw FinchError(ModelCommandFailure.nestedModel, at: invocation.range)
        }
        guard let name = invocation.word("name") else { return .none }
        workbench.builder = ModelBuilder()
        defer { workbench.builder = nil }
        try invocation.interpreter.runBlock(invocation.block ?? [])
        guard let builder = workbench.builder else { return .none }
        let spec = try builder.spec(at: invocation.range)
        let seed = try invocation.integer("seed", in: 0...Int(UInt32.max)).map(UInt64.init) ?? workbench.seed(for: "model " + name)
        let model: Model
        do throws(ModelError) {
            model = try Model(spec, head: builder.head, seed: seed, memoryBudget: workbench.memoryBudget,
                              cancellation: invocation.interpreter.cancellation)
        } catch {
            throw .unlessCancelled(error, at: invocation.range,
                                   otherwise: ModelBuilder.describe(error, ranges: builder.entries.map(\.range), fallback: invocation.range))
        }
        let object = ModelObject(name: name, model: model, seed: seed, origin: "built from a model block")
        invocation.interpreter.define(name, .wrap(object))
        return .none
    }
}
