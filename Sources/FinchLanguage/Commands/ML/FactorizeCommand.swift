import FinchEngine

extension Command {
    /// `factorize MODEL rank: R [layers: [PATTERN, …]]`: a copy whose dense layers are pairs of
    /// rank R, by truncated SVD.
    static let factorize = Command(
        name: "factorize",
        summary: "A copy of a model whose dense layers each become two of rank r, by truncated SVD of the weights; fine-tune it afterwards. "
            + "The original is left unchanged.",
        positional: [Parameter("model", .any, doc: "the model to factorise", required: true)],
        keywords: [
            Parameter("rank", .number, doc: "the rank of each factorised layer, at most the layer's smaller width", required: true),
            Parameter("layers", .any, doc: "names or patterns of the dense layers, e.g. [\"dense.0\"] (default: every dense layer before the head)"),
        ]
    ) { invocation throws(FinchError) in
        let source = try CompressedCopy.source(invocation)
        let rank = try invocation.requiredInteger("rank", in: -1_000_000_000...1_000_000_000)
        let patterns = try invocation.strings("layers")
        let factorized: Model
        do throws(CompressionError) { factorized = try source.model.factorized(rank: rank, matching: patterns) } catch {
            throw CompressedCopy.describe(error, of: source, at: "rank", invocation)
        }
        let object = CompressedCopy.object(factorized, from: source, suffix: "lowrank", how: "rank-\(rank) factorisation", invocation)
        let layers = factorized.linearLayers.compactMap { path, layer in
            (layer as? LowRankDense).map { "\(path) (\($0.inputs)→\($0.outputs))" }
        }
        invocation.interpreter.output.write(
            "\(object.name): \(layers.joined(separator: ", ")) as two layers of rank \(rank); "
                + "\(CompressedCopy.count(source.model.parameterCount)) → \(CompressedCopy.count(factorized.parameterCount)) parameters\n",
            to: .stdout)
        return .wrap(object)
    }
}
