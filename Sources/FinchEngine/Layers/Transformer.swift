/// Multi-head self-attention with separate q, k, v and output projections (`q`, `k`, `v`, `o`).
/// q, k and v project to `heads × headWidth` (the width, unless heads were pruned), o back.
public final class SelfAttention: LayerContainer {
    /// Query projection `[heads × headWidth, width]`.
    public private(set) var q: any LinearLayer
    /// Key projection.
    public private(set) var k: any LinearLayer
    /// Value projection.
    public private(set) var v: any LinearLayer
    /// Output projection.
    public private(set) var o: any LinearLayer
    /// Number of heads.
    public let heads: Int
    /// Width of each head.
    public var headWidth: Int { q.outputs / heads }
    /// Whether position t sees only positions ≤ t.
    public let causal: Bool
    /// Dropout on the output projection while training.
    public let dropout: Float

    init(width: Int, heads: Int, headWidth: Int, causal: Bool, bias: Bool, dropout: Float, outputStd: Float, generator: inout Xoshiro) {
        let inner = heads * headWidth
        q = Dense(inputs: width, outputs: inner, bias: bias, initialiser: .normal(std: 0.02), generator: &generator)
        k = Dense(inputs: width, outputs: inner, bias: bias, initialiser: .normal(std: 0.02), generator: &generator)
        v = Dense(inputs: width, outputs: inner, bias: bias, initialiser: .normal(std: 0.02), generator: &generator)
        o = Dense(inputs: inner, outputs: width, bias: bias, initialiser: .normal(std: outputStd), generator: &generator)
        self.heads = heads
        self.causal = causal
        self.dropout = dropout
    }

    /// The four projections.
    public var sublayers: [(name: String, layer: any Layer)] { [("q", q), ("k", k), ("v", v), ("o", o)] }

    /// Replaces a projection by a linear layer of the same widths.
    public func replaceSublayer(_ name: String, with layer: any Layer) -> Bool {
        guard let linear = layer as? any LinearLayer, let current = sublayers.first(where: { $0.name == name })?.layer,
              canReplace(current, with: linear) else { return false }
        switch name {
        case "q": q = linear
        case "k": k = linear
        case "v": v = linear
        case "o": o = linear
        default: return false
        }
        return true
    }

    /// `q.*`, `k.*`, `v.*`, `o.*`.
    public var namedParameters: [(String, Parameter)] {
        prefixed("q", q.namedParameters) + prefixed("k", k.namedParameters)
            + prefixed("v", v.namedParameters) + prefixed("o", o.namedParameters)
    }

    /// Projections (and their packed weights), attention probabilities `[batch, heads, length,
    /// length]`, output.
    public func activationFloats(batch: Int, length: Int) -> Int {
        let width = q.inputs, inner = q.outputs
        return [q, k, v, o].map { $0.activationFloats(batch: batch, length: length) }.reduce(0, +) + 3 * inner * width
            + batch * length * inner + batch * heads * length * length + length * length
            + (dropout > 0 ? 2 * batch * length * width : 0)
    }

    /// The four projections, and the scores and weighted sums (half of them when causal), each
    /// with two products in the backward pass.
    public func trainingFlops(batch: Int, length: Int) -> Double {
        let projections = [q, k, v, o].map { $0.trainingFlops(batch: batch, length: length) }.reduce(0, +)
        let mixing = 2 * 2 * Double(batch) * Double(length) * Double(length) * Double(q.outputs) * 3
        return projections + (causal ? mixing / 2 : mixing)
    }

    /// Attention over `x [batch, length, width]`; when bidirectional, keys past each sequence's
    /// real length (the graph's `sequenceLengths`) are masked.
    /// When q, k and v are plain Dense layers without biases, the three projections run as one
    /// product into a packed `[batch, length, 3·width]` value that attention reads in place.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        let mixed: Var, lengths = graph.sequenceLengths
        if let q = q as? Dense, let k = k as? Dense, let v = v as? Dense, [q, k, v].allSatisfy({ $0.bias == nil }) {
            let qkv = graph.linearPacked(x, graph.parameter(q.weight), graph.parameter(k.weight), graph.parameter(v.weight))
            mixed = graph.attention(packed: qkv, heads: heads, causal: causal, lengths: lengths)
        } else {
            mixed = graph.attention(q: q.forward(x, in: graph), k: k.forward(x, in: graph), v: v.forward(x, in: graph),
                                    heads: heads, causal: causal, lengths: lengths)
        }
        return graph.dropout(o.forward(mixed, in: graph), probability: dropout)
    }
}

/// A pre-norm Transformer block: `x + attn(ln1(x))`, then `+ mlp(ln2(·))` with a GELU MLP
/// (`mlp.fc` to `ratio × width`, `mlp.proj` back).
public final class TransformerBlock: LayerContainer {
    /// Norm before attention.
    public let ln1: LayerNorm
    /// Self-attention.
    public let attn: SelfAttention
    /// Norm before the MLP.
    public let ln2: LayerNorm
    /// MLP expansion.
    public private(set) var fc: any LinearLayer
    /// MLP projection back to the width.
    public private(set) var proj: any LinearLayer
    /// Dropout after the MLP while training.
    public let dropout: Float

    init(width: Int, heads: Int, headWidth: Int, causal: Bool, bias: Bool, mlpRatio: Int, dropout: Float, depth: Int,
         generator: inout Xoshiro) {
        let residualStd = 0.02 / Float(2 * max(depth, 1)).squareRoot()
        ln1 = LayerNorm(width: width, bias: bias)
        attn = SelfAttention(width: width, heads: heads, headWidth: headWidth, causal: causal, bias: bias, dropout: dropout,
                             outputStd: residualStd, generator: &generator)
        ln2 = LayerNorm(width: width, bias: bias)
        fc = Dense(inputs: width, outputs: mlpRatio * width, bias: bias, initialiser: .normal(std: 0.02), generator: &generator)
        proj = Dense(inputs: mlpRatio * width, outputs: width, bias: bias, initialiser: .normal(std: residualStd), generator: &generator)
        self.dropout = dropout
    }

    /// The norms, the attention and the MLP's two linear layers.
    public var sublayers: [(name: String, layer: any Layer)] {
        [("ln1", ln1), ("attn", attn), ("ln2", ln2), ("mlp.fc", fc), ("mlp.proj", proj)]
    }

    /// Replaces one of the MLP's linear layers by a linear layer of the same widths.
    public func replaceSublayer(_ name: String, with layer: any Layer) -> Bool {
        switch name {
        case "mlp.fc" where canReplace(fc, with: layer): fc = layer as! any LinearLayer
        case "mlp.proj" where canReplace(proj, with: layer): proj = layer as! any LinearLayer
        default: return false
        }
        return true
    }

    /// `ln1.*`, `attn.*`, `ln2.*`, `mlp.fc.*`, `mlp.proj.*`.
    public var namedParameters: [(String, Parameter)] {
        prefixed("ln1", ln1.namedParameters) + prefixed("attn", attn.namedParameters) + prefixed("ln2", ln2.namedParameters)
            + prefixed("mlp.fc", fc.namedParameters) + prefixed("mlp.proj", proj.namedParameters)
    }

    /// Both sublayers, the GELU (output and saved gates) and the two residual sums.
    public func activationFloats(batch: Int, length: Int) -> Int {
        let rows = batch * length
        return ln1.activationFloats(batch: batch, length: length) + attn.activationFloats(batch: batch, length: length)
            + ln2.activationFloats(batch: batch, length: length) + fc.activationFloats(batch: batch, length: length)
            + 2 * rows * fc.outputs + proj.activationFloats(batch: batch, length: length) + 2 * rows * proj.outputs
            + (dropout > 0 ? 2 * rows * proj.outputs : 0)
    }

    /// Attention and the MLP's two products.
    public func trainingFlops(batch: Int, length: Int) -> Double {
        attn.trainingFlops(batch: batch, length: length) + fc.trainingFlops(batch: batch, length: length)
            + proj.trainingFlops(batch: batch, length: length)
    }

    /// The block applied to `x [batch, length, width]`.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        let attended = graph.add(x, attn.forward(ln1.forward(x, in: graph), in: graph))
        let normed = ln2.forward(attended, in: graph)
        let hidden = if let dense = fc as? Dense {
            graph.linearGELU(normed, weight: graph.parameter(dense.weight), bias: dense.bias.map { graph.parameter($0) })
        } else {
            graph.gelu(fc.forward(normed, in: graph))
        }
        return graph.add(attended, graph.dropout(proj.forward(hidden, in: graph), probability: dropout))
    }
}

/// Vocabulary logits from the last hidden states: `x·Wᵀ (+ b)`, with W the token embedding's
/// table when tied (then the head owns no weight of its own).
public final class LMHead: Layer {
    /// The projection weight `[vocabulary, width]` (shared with the embedding when tied).
    public let weight: Parameter
    /// Whether `weight` is the token embedding's table.
    public let tied: Bool
    /// Optional bias `[vocabulary]`.
    public let bias: Parameter?

    init(tiedTo embedding: Embedding, bias: Bool) {
        weight = embedding.weight
        tied = true
        self.bias = bias ? Parameter(Tensor(uncheckedZeros: [embedding.vocabulary])) : nil
    }

    init(width: Int, vocabulary: Int, bias: Bool, generator: inout Xoshiro) {
        weight = Parameter(Initialiser.normal(std: 0.02).tensor([vocabulary, width], generator: &generator))
        tied = false
        self.bias = bias ? Parameter(Tensor(uncheckedZeros: [vocabulary])) : nil
    }

    /// `weight` (listed under the embedding's name when tied) and `bias`.
    public var namedParameters: [(String, Parameter)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// Logits.
    public func activationFloats(batch: Int, length: Int) -> Int { batch * length * weight.shape[0] }

    /// The product with the vocabulary table.
    public func trainingFlops(batch: Int, length: Int) -> Double {
        productTrainingFlops(rows: batch * length, inputs: weight.shape[1], outputs: weight.shape[0], weight: weight)
    }

    /// Logits `[…, vocabulary]`.
    public func forward(_ x: Var, in graph: Graph) -> Var {
        graph.linear(x, weight: graph.parameter(weight), bias: bias.map { graph.parameter($0) })
    }
}
