/// A Dense layer with a low-rank adapter (Hu et al., 2021): adds `(alpha / rank) · B·A·x` to the
/// base layer's output, A `[rank, inputs]` (fan-in uniform), B `[outputs, rank]` (zeros, so
/// training starts at the base model). It takes the base layer's place in the model's tree
/// (``Model/replaceLayer(at:with:)``); the base layer knows nothing of it.
public final class LoRA: LinearLayer {
    /// The wrapped layer.
    public let base: Dense
    /// Down projection `[rank, inputs]`.
    public let a: Parameter
    /// Up projection `[outputs, rank]`.
    public let b: Parameter
    /// Scale numerator: the update is multiplied by `alpha / rank`.
    public let alpha: Float
    /// Dropout applied to the adapter's input while training.
    public let dropout: Float

    /// An adapter of `rank` on `base`, A drawn from `generator`.
    init(wrapping base: Dense, rank: Int, alpha: Float, dropout: Float, generator: inout Xoshiro) {
        self.base = base
        a = Parameter(Initialiser.fanIn.tensor([rank, base.inputs], generator: &generator))
        b = Parameter(Tensor(uncheckedZeros: [base.outputs, rank]))
        self.alpha = alpha
        self.dropout = dropout
    }

    /// Input width.
    public var inputs: Int { base.inputs }
    /// Output width.
    public var outputs: Int { base.outputs }
    /// Rank of the update.
    public var rank: Int { a.shape[0] }
    /// `alpha / rank`.
    public var scale: Float { alpha / Float(rank) }

    /// The base layer's `weight` and `bias`, then `lora_a` and `lora_b`.
    public var namedParameters: [(String, Parameter)] {
        base.namedParameters + [("lora_a", a), ("lora_b", b)]
    }

    /// The base output, the two adapter products, the sum (and the dropout mask and output).
    public func activationFloats(batch: Int, length: Int) -> Int {
        batch * length * (2 * outputs + rank + outputs + (dropout > 0 ? 2 * inputs : 0))
    }

    /// The base product and the adapter's two.
    public func trainingFlops(batch: Int, length: Int) -> Double {
        let rows = batch * length
        return base.trainingFlops(batch: batch, length: length)
            + productTrainingFlops(rows: rows, inputs: inputs, outputs: rank, weight: a)
            + productTrainingFlops(rows: rows, inputs: rank, outputs: outputs, weight: b)
    }

    /// `x·Wᵀ + b + scale · B·A·dropout(x)`.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        let output = base.forward(x, in: graph)
        let dropped = graph.dropout(x, probability: dropout)
        let down = graph.linear(dropped, weight: graph.parameter(a))
        return graph.add(output, graph.scale(graph.linear(down, weight: graph.parameter(b)), by: scale))
    }

    /// The base layer with the update added into its weight (`W += scale · B·A`).
    func merged() -> Dense {
        let product = try! b.value.matmul(a.value)
        try! base.weight.assign(base.weight.value + product.map { $0 * scale })
        return base
    }
}
