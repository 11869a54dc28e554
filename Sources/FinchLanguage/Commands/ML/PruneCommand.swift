import FinchDisplay
import FinchEngine

extension Command {
    /// `prune MODEL sparsity: S [scope: global|layer]`, `prune MODEL neurons: F` or
    /// `prune MODEL heads: F|[H, …] [layer: L]`: a copy with the smallest weights masked, or a
    /// smaller model without the least important neurons or attention heads.
    static let prune = Command(
        name: "prune",
        summary: "A pruned copy of a model: sparsity: masks its smallest weights (the mask stays through fine-tuning; no time saved), "
            + "neurons: removes whole neurons of dense layers, heads: whole attention heads (a smaller, faster model). "
            + "The original is left unchanged.",
        positional: [Parameter("model", .any, doc: "the model to prune", required: true)],
        keywords: [
            Parameter("sparsity", .number, doc: "the fraction of dense weights to set to zero, in [0, 1), smallest magnitudes first"),
            Parameter("scope", .choice(PruningScope.allCases.map(\.rawValue)),
                      doc: "sparsity: — global (all layers' weights ranked together) or layer (the same fraction of each)",
                      default: .symbol("global")),
            Parameter("neurons", .number,
                      doc: "the fraction of neurons to remove from each dense layer that feeds another, in [0, 1), least important first"),
            Parameter("heads", .any,
                      doc: "the fraction of heads to remove from each attention layer, in [0, 1), least important first; "
                        + "or a list of heads (numbered from 0, as 'attention' shows them) to remove from the attention layer layer:"),
            Parameter("layer", .number, doc: "heads: [...] — the attention layer (from 0) they belong to"),
        ]
    ) { invocation throws(FinchError) in
        let source = try CompressedCopy.source(invocation)
        let given = ["sparsity", "neurons", "heads"].filter { invocation.bound($0) != nil }
        guard given.count == 1, let mode = given.first else {
            if given.count > 1 {
                throw FinchError(CompressionCommandFailure.pruneModesTogether(given: given), at: invocation.place(given[1]))
            }
            throw FinchError(CompressionCommandFailure.pruneModeMissing(model: source.name), at: invocation.range)
        }
        if mode != "heads", invocation.bound("layer") != nil {
            throw FinchError(CompressionCommandFailure.layerWithoutHeads, at: invocation.place("layer"))
        }
        let object = switch mode {
        case "sparsity": try Pruning.masked(source, invocation)
        case "neurons": try Pruning.neurons(source, invocation)
        default: try Pruning.heads(source, invocation)
        }
        return .wrap(object)
    }
}

/// The three ways of `prune`, each returning the pruned model object after saying what changed.
private enum Pruning {
    /// sparsity: — the smallest weights masked.
    static func masked(_ source: ModelObject, _ invocation: Invocation) throws(FinchError) -> ModelObject {
        let sparsity = try invocation.number("sparsity", in: -1e9...1e9) ?? 0
        let scope = invocation.word("scope").flatMap(PruningScope.init(rawValue:)) ?? .global
        let pruned: Model
        do throws(CompressionError) { pruned = try source.model.pruned(sparsity: sparsity, scope: scope) } catch {
            throw CompressedCopy.describe(error, of: source, at: "sparsity", invocation)
        }
        let object = CompressedCopy.object(pruned, from: source, suffix: "sparse", how: "magnitude pruning", invocation)
        invocation.interpreter.output.write(
            "\(object.name): \(NumberFormat(significantDigits: 3).string(pruned.sparsity * 100))% of the dense weights of \(source.name) set to zero "
            + "(\(scope.rawValue) magnitude), masked through further fine-tuning; the weights stay dense, so unstructured "
            + "sparsity saves no memory or time on a dense CPU kernel (prune neurons: or heads: for that)\n", to: .stdout)
        return object
    }

    /// neurons: — whole neurons of dense layers removed.
    static func neurons(_ source: ModelObject, _ invocation: Invocation) throws(FinchError) -> ModelObject {
        let fraction = try invocation.number("neurons", in: -1e9...1e9) ?? 0
        let smaller: Model
        do throws(CompressionError) { smaller = try source.model.prunedNeurons(fraction: fraction) } catch {
            throw CompressedCopy.describe(error, of: source, at: "neurons", invocation)
        }
        let object = CompressedCopy.object(smaller, from: source, suffix: "pruned", how: "neuron pruning", invocation)
        let changes = zip(source.model.spec.layers, smaller.spec.layers).enumerated().compactMap { index, pair -> String? in
            guard case let (.dense(before, _), .dense(after, _)) = pair, before != after else { return nil }
            return "\(smaller.plan.entries[index].name) \(before) → \(after)"
        }
        say(object, "\(changes.joined(separator: ", ")) neurons", source: source, smaller: smaller, invocation)
        return object
    }

    /// heads: — whole attention heads removed: a fraction of every layer's by importance, or the
    /// listed heads of layer:.
    static func heads(_ source: ModelObject, _ invocation: Invocation) throws(FinchError) -> ModelObject {
        let value = invocation.bound("heads")?.value ?? .none
        let choice: HeadChoice
        switch value {
        case .number(let number):
            if invocation.bound("layer") != nil {
                throw FinchError(CompressionCommandFailure.layerWithFraction(model: source.name), at: invocation.place("layer"))
            }
            choice = .fraction(number)
        case .list(let elements):
            guard let numbers = Functions.numbers(in: elements), numbers.allSatisfy({ $0 >= 0 && $0 == $0.rounded() && $0 < 1e9 }) else {
                throw FinchError(CompressionCommandFailure.headNumbers, at: invocation.place("heads"))
            }
            guard let layer = try invocation.integer("layer", in: 0...1_000_000) else {
                throw FinchError(CompressionCommandFailure.headsWithoutLayer(model: source.name, heads: value.text), at: invocation.place("heads"))
            }
            choice = .listed(layer: layer, heads: Set(numbers.map { Int($0) }))
        default:
            throw FinchError(CompressionCommandFailure.headsType(type: value.typeDescription), at: invocation.place("heads"))
        }
        let smaller: Model
        do throws(CompressionError) {
            smaller = switch choice {
            case let .fraction(fraction): try source.model.prunedHeads(fraction: fraction)
            case let .listed(layer, heads): try source.model.prunedHeads(removing: [layer: heads])
            }
        } catch {
            let argument = if case .noSuchAttentionLayer = error { "layer" } else { "heads" }
            throw CompressedCopy.describe(error, of: source, at: argument, invocation)
        }
        let object = CompressedCopy.object(smaller, from: source, suffix: "pruned", how: "head pruning", invocation)
        let changes = zip(source.model.attentionLayers, smaller.attentionLayers).compactMap { before, after -> String? in
            before.layer.heads == after.layer.heads ? nil : "\(before.path) \(before.layer.heads) → \(after.layer.heads)"
        }
        say(object, changes.isEmpty ? "no head removed" : "\(changes.joined(separator: ", ")) heads", source: source, smaller: smaller, invocation)
        return object
    }

    /// What `heads:` asks to remove.
    private enum HeadChoice {
        /// This fraction of every attention layer's heads, least important first.
        case fraction(Double)
        /// These heads of one attention layer.
        case listed(layer: Int, heads: Set<Int>)
    }

    /// `NAME: CHANGES; P → Q parameters`.
    private static func say(_ object: ModelObject, _ changes: String, source: ModelObject, smaller: Model, _ invocation: Invocation) {
        invocation.interpreter.output.write("\(object.name): \(changes); "
            + "\(CompressedCopy.count(source.model.parameterCount)) → \(CompressedCopy.count(smaller.parameterCount)) parameters\n",
            to: .stdout)
    }
}
