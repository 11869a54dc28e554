/// A fully connected layer `y = x·Wᵀ + b`, W `[outputs, inputs]`, b `[outputs]`, applied to the
/// last axis; optionally wrapped by a LoRA adapter.
public final class Dense: Layer {
    /// Weight `[outputs, inputs]`.
    public let weight: Parameter
    /// Bias `[outputs]`, if any.
    public let bias: Parameter?
    /// The low-rank adapter added to this layer's output, if any.
    public internal(set) var lora: LoRA?

    /// A layer with weights drawn by `initialiser`.
    init(inputs: Int, outputs: Int, bias: Bool, initialiser: Initialiser, generator: inout Xoshiro) {
        weight = Parameter(initialiser.tensor([outputs, inputs], generator: &generator))
        self.bias = bias ? Parameter(Tensor(uncheckedZeros: [outputs])) : nil
    }

    /// Input width.
    public var inputs: Int { weight.shape[1] }
    /// Output width.
    public var outputs: Int { weight.shape[0] }

    /// `weight`, `bias`, and the adapter's `lora_a`, `lora_b`.
    public var namedParameters: [(String, Parameter)] {
        var named = [("weight", weight)]
        if let bias { named.append(("bias", bias)) }
        if let lora { named += [("lora_a", lora.a), ("lora_b", lora.b)] }
        return named
    }

    /// Output values (plus the adapter's).
    public func activationFloats(batch: Int, length: Int) -> Int {
        let rows = batch * length
        guard let lora else { return rows * outputs }
        return rows * (2 * outputs + lora.rank + outputs + (lora.dropout > 0 ? 2 * inputs : 0))
    }

    /// The product with the weight, and the adapter's two.
    public func trainingFlops(batch: Int, length: Int) -> Double {
        let rows = batch * length
        let base = productTrainingFlops(rows: rows, inputs: inputs, outputs: outputs, weight: weight)
        guard let lora else { return base }
        return base + productTrainingFlops(rows: rows, inputs: inputs, outputs: lora.rank, weight: lora.a)
            + productTrainingFlops(rows: rows, inputs: lora.rank, outputs: outputs, weight: lora.b)
    }

    /// `x·Wᵀ + b (+ scale · B·A·dropout(x))`.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        let base = graph.linear(x, weight: graph.parameter(weight), bias: bias.map { graph.parameter($0) })
        guard let lora else { return base }
        return graph.add(base, lora.forward(x, in: graph))
    }
}

/// A low-rank adapter (Hu et al., 2021): adds `(alpha / rank) · B·A·x` to a Dense layer's output,
/// A `[rank, inputs]` (fan-in uniform), B `[outputs, rank]` (zeros, so training starts at the base model).
public final class LoRA {
    /// Down projection `[rank, inputs]`.
    public let a: Parameter
    /// Up projection `[outputs, rank]`.
    public let b: Parameter
    /// Scale numerator: the update is multiplied by `alpha / rank`.
    public let alpha: Float
    /// Dropout applied to the adapter's input while training.
    public let dropout: Float

    init(inputs: Int, outputs: Int, rank: Int, alpha: Float, dropout: Float, generator: inout Xoshiro) {
        a = Parameter(Initialiser.fanIn.tensor([rank, inputs], generator: &generator))
        b = Parameter(Tensor(uncheckedZeros: [outputs, rank]))
        self.alpha = alpha
        self.dropout = dropout
    }

    /// Rank of the update.
    public var rank: Int { a.shape[0] }
    /// `alpha / rank`.
    public var scale: Float { alpha / Float(rank) }

    func forward(_ x: Var, in graph: Graph) -> Var {
        let dropped = graph.dropout(x, probability: dropout)
        let down = graph.linear(dropped, weight: graph.parameter(a))
        return graph.scale(graph.linear(down, weight: graph.parameter(b)), by: scale)
    }

    /// `scale · B·A`, shape `[outputs, inputs]`.
    func delta() -> Tensor {
        let product = try! b.value.matmul(a.value)
        return product.map { $0 * scale }
    }
}
