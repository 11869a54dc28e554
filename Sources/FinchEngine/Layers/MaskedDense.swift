/// A Dense layer with a fixed pruning mask: the forward pass uses `W ⊙ M`, M `[outputs, inputs]`
/// of ones (kept) and zeros (pruned). Gradients through the product are masked too, so a pruned
/// weight stays pruned however long the model is fine-tuned afterwards. The weights are dense
/// still: unstructured sparsity saves no time on a dense CPU kernel. It takes the Dense layer's
/// place in the model's tree (``Model/pruned(sparsity:scope:)``).
public final class MaskedDense: LinearLayer {
    /// The wrapped layer; its pruned weights are zero.
    public let base: Dense
    /// Ones where a weight is kept, zeros where it is pruned, `[outputs, inputs]`.
    public private(set) var mask: Tensor

    /// `base` masked by `mask` (same shape as its weight); the pruned weights are set to zero.
    init(wrapping base: Dense, mask: Tensor) {
        self.base = base
        self.mask = mask
        applyMask()
    }

    /// Input width.
    public var inputs: Int { base.inputs }
    /// Output width.
    public var outputs: Int { base.outputs }
    /// The number of weights the mask keeps.
    public var keptWeights: Int { mask.scalars.reduce(0) { $0 + ($1 != 0 ? 1 : 0) } }
    /// The fraction of weights pruned.
    public var sparsity: Double { 1 - Double(keptWeights) / Double(max(mask.count, 1)) }

    /// The base layer's `weight` and `bias`, under the same names.
    public var namedParameters: [(String, Parameter)] { base.namedParameters }

    /// The masked weight and the output values.
    public func activationFloats(batch: Int, length: Int) -> Int { 2 * inputs * outputs + batch * length * outputs }

    /// The base layer's product (the mask saves none of it).
    public func trainingFlops(batch: Int, length: Int) -> Double { base.trainingFlops(batch: batch, length: length) }

    /// `x·(W ⊙ M)ᵀ + b`. A pass that records no gradients uses W as it is: its pruned weights
    /// are zero already (set so when the mask is put in place, and the masked product gives them
    /// no gradient, so no update moves them).
    public func forward(_ x: Var, in graph: Graph) -> Var {
        let bias = base.bias.map { graph.parameter($0) }
        guard graph.recordsGradients else { return graph.linear(x, weight: graph.parameter(base.weight), bias: bias) }
        return graph.linear(x, weight: graph.mul(graph.parameter(base.weight), graph.constant(mask)), bias: bias)
    }

    /// Puts a stored mask in place (any nonzero byte keeps its weight); false unless it has
    /// the weight's size.
    func restore(mask bytes: [Int8]) -> Bool {
        guard bytes.count == mask.count else { return false }
        mask = try! Tensor(shape: mask.shape, values: bytes.map { $0 != 0 ? 1 : 0 })
        applyMask()
        return true
    }

    /// Zeroes the pruned weights.
    private func applyMask() {
        try! base.weight.assign(try! base.weight.value * mask)
    }
}
