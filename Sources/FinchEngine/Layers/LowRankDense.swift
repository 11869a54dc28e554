/// A Dense layer factorised into two of rank r: `y = x·Dᵀ·Uᵀ + b`, D `[rank, inputs]` (`down`),
/// U `[outputs, rank]` (`up`), r·(inputs + outputs) weights instead of inputs·outputs. Made by a
/// truncated SVD of the original weight (``Model/factorized(rank:matching:)``); both factors train.
public final class LowRankDense: LinearLayer {
    /// Down projection `[rank, inputs]`.
    public let down: Parameter
    /// Up projection `[outputs, rank]`.
    public let up: Parameter
    /// Bias `[outputs]`, if any.
    public let bias: Parameter?

    /// The layer with factors `down` `[rank, inputs]` and `up` `[outputs, rank]` and `bias`
    /// (all copied).
    init(down: Tensor, up: Tensor, bias: Tensor?) {
        self.down = Parameter(down)
        self.up = Parameter(up)
        self.bias = bias.map { Parameter($0) }
    }

    /// Input width.
    public var inputs: Int { down.shape[1] }
    /// Output width.
    public var outputs: Int { up.shape[0] }
    /// The rank of the product.
    public var rank: Int { down.shape[0] }

    /// `down`, `up` and `bias`.
    public var namedParameters: [(String, Parameter)] {
        [("down", down), ("up", up)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// The rank-wide middle values and the output values.
    public func activationFloats(batch: Int, length: Int) -> Int { batch * length * (rank + outputs) }

    /// The two thin products.
    public func trainingFlops(batch: Int, length: Int) -> Double {
        let rows = batch * length
        return productTrainingFlops(rows: rows, inputs: inputs, outputs: rank, weight: down)
            + productTrainingFlops(rows: rows, inputs: rank, outputs: outputs, weight: up)
    }

    /// `(x·Dᵀ)·Uᵀ + b`.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        let middle = graph.linear(x, weight: graph.parameter(down))
        return graph.linear(middle, weight: graph.parameter(up), bias: bias.map { graph.parameter($0) })
    }
}
