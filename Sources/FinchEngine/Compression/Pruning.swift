/// Which weights compete when unstructured pruning ranks them by magnitude.
public enum PruningScope: String, Sendable, CaseIterable {
    /// All weights of all Dense layers together: a layer of small weights loses more of them.
    case global
    /// Each layer loses the same fraction of its weights.
    case layer
}

/// Unstructured magnitude pruning.
extension Model {
    /// A copy whose Dense layers (attention projections and the head included) keep only their
    /// largest weights: the `sparsity` fraction with the smallest magnitudes, over all layers
    /// (`.global`) or within each (`.layer`), is set to zero behind a mask that further
    /// fine-tuning keeps (``MaskedDense``). A layer pruned before keeps its mask and may lose
    /// more. The weights stay dense: this saves no time on a dense kernel. This model is left
    /// unchanged.
    public func pruned(sparsity: Double, scope: PruningScope = .global) throws(CompressionError) -> Model {
        guard sparsity >= 0, sparsity < 1 else { throw .sparsity(sparsity) }
        guard !isQuantized else { throw .alreadyQuantized }
        let copy = try replica()
        let targets: [(path: String, dense: Dense)] = copy.linearLayers.compactMap { path, layer in
            switch layer {
            case let dense as Dense: (path, dense)
            case let masked as MaskedDense: (path, masked.base)
            default: nil
            }
        }
        guard !targets.isEmpty else { throw .nothingToCompress("prune") }
        let weights = targets.map { $0.dense.weight.value.scalars }
        var keep = weights.map { [Bool](repeating: true, count: $0.count) }
        func prune(_ candidates: [(layer: Int, index: Int)]) {
            let count = Int((Double(candidates.count) * sparsity).rounded(.down))
            let ranked = candidates.sorted {
                let a = abs(weights[$0.layer][$0.index]), b = abs(weights[$1.layer][$1.index])
                return a != b ? a < b : ($0.layer, $0.index) < ($1.layer, $1.index)
            }
            for (layer, index) in ranked.prefix(count) { keep[layer][index] = false }
        }
        switch scope {
        case .global:
            prune(weights.indices.flatMap { layer in weights[layer].indices.map { (layer, $0) } })
        case .layer:
            for layer in weights.indices { prune(weights[layer].indices.map { (layer, $0) }) }
        }
        for (layer, target) in targets.enumerated() {
            let mask = try! Tensor(shape: target.dense.weight.shape, values: keep[layer].map { $0 ? 1 : 0 })
            do { try copy.replaceLayer(at: target.path, with: MaskedDense(wrapping: target.dense, mask: mask)) } catch { throw .model(error) }
        }
        return copy
    }
}
