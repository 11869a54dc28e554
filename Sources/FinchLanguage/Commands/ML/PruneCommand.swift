import FinchDisplay
import FinchEngine

extension Command {
    /// `prune MODEL sparsity: S [scope: global|layer]` or `prune MODEL neurons: F`: a copy with the
    /// smallest weights masked, or a smaller model without the least important neurons.
    static let prune = Command(
        name: "prune",
        summary: "A pruned copy of a model: sparsity: masks its smallest weights (the mask stays through fine-tuning; no time saved), "
            + "neurons: removes whole neurons of dense layers (a smaller, faster model). The original is left unchanged.",
        positional: [Parameter("model", .any, doc: "the model to prune", required: true)],
        keywords: [
            Parameter("sparsity", .number, doc: "the fraction of dense weights to set to zero, in [0, 1), smallest magnitudes first"),
            Parameter("scope", .choice(PruningScope.allCases.map(\.rawValue)),
                      doc: "sparsity: — global (all layers' weights ranked together) or layer (the same fraction of each)",
                      default: .symbol("global")),
            Parameter("neurons", .number,
                      doc: "the fraction of neurons to remove from each dense layer that feeds another, in [0, 1), least important first"),
        ]
    ) { invocation throws(FinchError) in
        let source = try CompressedCopy.source(invocation)
        let sparsity = try invocation.number("sparsity", in: -1e9...1e9)
        let neurons = try invocation.number("neurons", in: -1e9...1e9)
        let output = invocation.interpreter.output
        switch (sparsity, neurons) {
        case (nil, nil):
            throw FinchError(.argument, "'prune' needs sparsity: (masked weights) or neurons: (a smaller model)", at: invocation.range,
                             note: "e.g. prune \(source.name) sparsity: 0.5, or prune \(source.name) neurons: 0.5")
        case (.some, .some):
            throw FinchError(.argument, "'prune' takes sparsity: or neurons:, not both", at: invocation.place("neurons"))
        case (let sparsity?, nil):
            let scope = invocation.word("scope").flatMap(PruningScope.init(rawValue:)) ?? .global
            let pruned: Model
            do throws(CompressionError) { pruned = try source.model.pruned(sparsity: sparsity, scope: scope) } catch {
                throw CompressedCopy.describe(error, of: source, at: "sparsity", invocation)
            }
            let object = CompressedCopy.object(pruned, from: source, suffix: "sparse", how: "magnitude pruning", invocation)
            output.write("\(object.name): \(NumberFormat(significantDigits: 3).string(pruned.sparsity * 100))% of the dense weights of \(source.name) set to zero "
                + "(\(scope.rawValue) magnitude), masked through further fine-tuning; the weights stay dense, so unstructured "
                + "sparsity saves no memory or time on a dense CPU kernel (prune neurons: for that)\n", to: .stdout)
            return .wrap(object)
        case (nil, let fraction?):
            let smaller: Model
            do throws(CompressionError) { smaller = try source.model.prunedNeurons(fraction: fraction) } catch {
                throw CompressedCopy.describe(error, of: source, at: "neurons", invocation)
            }
            let object = CompressedCopy.object(smaller, from: source, suffix: "pruned", how: "neuron pruning", invocation)
            let changes = zip(source.model.spec.layers, smaller.spec.layers).enumerated().compactMap { index, pair -> String? in
                guard case let (.dense(before, _), .dense(after, _)) = pair, before != after else { return nil }
                return "\(smaller.plan.entries[index].name) \(before) → \(after)"
            }
            output.write("\(object.name): \(changes.joined(separator: ", ")) neurons; "
                + "\(CompressedCopy.count(source.model.parameterCount)) → \(CompressedCopy.count(smaller.parameterCount)) parameters\n",
                to: .stdout)
            return .wrap(object)
        }
    }
}
