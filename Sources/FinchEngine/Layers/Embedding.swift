/// A table of learned vectors `[vocabulary, width]` looked up by token id.
public final class Embedding {
    /// The table `[vocabulary, width]` (also the LM head's weight when tied).
    public let weight: Parameter

    init(vocabulary: Int, width: Int, generator: inout Xoshiro) {
        weight = Parameter(Initialiser.normal(std: 0.02).tensor([vocabulary, width], generator: &generator))
    }

    /// Number of rows.
    public var vocabulary: Int { weight.shape[0] }
    /// Vector width.
    public var width: Int { weight.shape[1] }

    /// `[batch, length, width]` rows for `ids` `[batch, length]`.
    func forward(ids: UnsafeBufferPointer<Int32>, batch: Int, length: Int, in graph: Graph) -> Var {
        graph.embedding(graph.parameter(weight), ids: ids, batch: batch, length: length)
    }
}

/// Learned absolute positions: adds row `t` of a `[maxLength, width]` table at position `t`.
public final class PositionalEmbedding: Layer {
    /// The table `[maxLength, width]`.
    public let weight: Parameter

    init(maxLength: Int, width: Int, generator: inout Xoshiro) {
        weight = Parameter(Initialiser.normal(std: 0.02).tensor([maxLength, width], generator: &generator))
    }

    /// `weight`.
    public var namedParameters: [(String, Parameter)] { [("weight", weight)] }

    /// The sum.
    public func activationFloats(batch: Int, length: Int) -> Int { batch * length * weight.shape[1] }

    /// `x[b, t, :] + weight[t, :]` for x `[batch, length, width]`.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        let length = graph.nodes[x.index].dims[1]
        return graph.add(x, graph.parameter(weight, rows: length))
    }
}
