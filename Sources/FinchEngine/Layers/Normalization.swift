/// Layer normalisation over the last axis with learned scale (ones) and optional bias (zeros).
public final class LayerNorm: Layer {
    /// Scale `[width]`.
    public let weight: Parameter
    /// Shift `[width]`, if any.
    public let bias: Parameter?

    init(width: Int, bias: Bool) {
        weight = Parameter(Tensor(uncheckedZeros: [width]).map { _ in 1 })
        self.bias = bias ? Parameter(Tensor(uncheckedZeros: [width])) : nil
    }

    /// `weight` and `bias`.
    public var namedParameters: [(String, Parameter)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// Output plus mean and reciprocal deviation per row.
    public func activationFloats(batch: Int, length: Int) -> Int {
        batch * length * (weight.count + 2) + 16
    }

    /// Normalised `x`.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        graph.layerNorm(x, weight: graph.parameter(weight), bias: bias.map { graph.parameter($0) })
    }
}

/// Elementwise nonlinearities.
public enum Activation: String, Equatable, Sendable, CaseIterable {
    /// GELU, tanh approximation.
    case gelu
    /// max(x, 0).
    case relu
    /// Hyperbolic tangent.
    case tanh
}

/// A parameter-free elementwise layer.
public final class ActivationLayer: Layer {
    /// The function applied.
    public let kind: Activation
    /// Width of the input (for memory estimates).
    let width: Int

    init(_ kind: Activation, width: Int) {
        self.kind = kind
        self.width = width
    }

    /// None.
    public var namedParameters: [(String, Parameter)] { [] }

    /// The output.
    public func activationFloats(batch: Int, length: Int) -> Int { batch * length * width }

    /// `kind(x)`.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        switch kind {
        case .gelu: graph.gelu(x)
        case .relu: graph.relu(x)
        case .tanh: graph.tanh(x)
        }
    }
}

/// Inverted dropout: zeroes elements with probability `probability` while training.
public final class Dropout: Layer {
    /// Drop probability.
    public let probability: Float
    /// Width of the input (for memory estimates).
    let width: Int

    init(probability: Float, width: Int) {
        self.probability = probability
        self.width = width
    }

    /// None.
    public var namedParameters: [(String, Parameter)] { [] }

    /// Output and mask.
    public func activationFloats(batch: Int, length: Int) -> Int { probability > 0 ? 2 * batch * length * width : 0 }

    /// `x ⊙ mask / (1 − p)` while training, `x` otherwise.
    public func forward(_ x: Var, in graph: Graph) -> Var { graph.dropout(x, probability: probability) }
}

/// How a sequence `[batch, length, width]` becomes one vector per example.
public enum Pooling: String, Equatable, Sendable, CaseIterable {
    /// Mean over positions (the real ones, when the graph has `sequenceLengths`).
    case mean
    /// The first position (a [CLS]-style token).
    case first
}

/// Sequence-to-vector pooling `[batch, length, width] → [batch, width]`.
public final class Pool: Layer {
    /// The pooling used.
    public let kind: Pooling
    let width: Int

    init(_ kind: Pooling, width: Int) {
        self.kind = kind
        self.width = width
    }

    /// None.
    public var namedParameters: [(String, Parameter)] { [] }

    /// One vector per example.
    public func activationFloats(batch: Int, length: Int) -> Int { batch * width }

    /// The pooled vectors; a mean covers each sequence's real positions only.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        kind == .mean ? graph.meanPool(x, lengths: graph.sequenceLengths) : graph.firstToken(x)
    }
}
