/// A layer that maps the last axis linearly from `inputs` to `outputs` features: a ``Dense``
/// layer, or a wrapper of one (a LoRA adapter), in the slots of attention and MLPs.
public protocol LinearLayer: Layer {
    /// Input width.
    var inputs: Int { get }
    /// Output width.
    var outputs: Int { get }
}

/// A fully connected layer `y = x·Wᵀ + b`, W `[outputs, inputs]`, b `[outputs]`, applied to the
/// last axis.
public final class Dense: LinearLayer {
    /// Weight `[outputs, inputs]`.
    public let weight: Parameter
    /// Bias `[outputs]`, if any.
    public let bias: Parameter?

    /// A layer with weights drawn by `initialiser`.
    init(inputs: Int, outputs: Int, bias: Bool, initialiser: Initialiser, generator: inout Xoshiro) {
        weight = Parameter(initialiser.tensor([outputs, inputs], generator: &generator))
        self.bias = bias ? Parameter(Tensor(uncheckedZeros: [outputs])) : nil
    }

    /// A layer with the given weight `[outputs, inputs]` and bias `[outputs]` (copied).
    init(weight: Tensor, bias: Tensor?) {
        self.weight = Parameter(weight)
        self.bias = bias.map { Parameter($0) }
    }

    /// Input width.
    public var inputs: Int { weight.shape[1] }
    /// Output width.
    public var outputs: Int { weight.shape[0] }

    /// `weight` and `bias`.
    public var namedParameters: [(String, Parameter)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// Output values.
    public func activationFloats(batch: Int, length: Int) -> Int { batch * length * outputs }

    /// The product with the weight.
    public func trainingFlops(batch: Int, length: Int) -> Double {
        productTrainingFlops(rows: batch * length, inputs: inputs, outputs: outputs, weight: weight)
    }

    /// `x·Wᵀ + b`.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        graph.linear(x, weight: graph.parameter(weight), bias: bias.map { graph.parameter($0) })
    }
}
