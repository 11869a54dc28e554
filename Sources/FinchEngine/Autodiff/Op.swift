/// How a node was computed: its inputs (node indices) and what its backward needs.
/// Payloads are inline (indices, flags, arena pointers), so recording allocates nothing.
enum Op {
    case leaf
    case reshape(Int)
    case linear(x: Int, w: Int, b: Int)
    /// `x · [w0; w1; w2]ᵀ`, the weights copied into `packed` (one product instead of three).
    case linearPacked(x: Int, w0: Int, w1: Int, w2: Int, packed: UnsafeMutablePointer<Float>)
    /// `GELU(x · wᵀ + b)`, the pre-activation saved in `pre` and its gates σ(2u) in `gate`.
    case linearGELU(x: Int, w: Int, b: Int, pre: UnsafeMutablePointer<Float>, gate: UnsafeMutablePointer<Float>)
    case matmul(a: Int, b: Int, MatmulShape)
    case add(Int, Int)
    case mul(Int, Int)
    case scale(Int, Float)
    case gelu(Int)
    case relu(Int)
    case tanh(Int)
    case softmax(Int)
    case layerNorm(x: Int, w: Int, b: Int, stats: UnsafeMutablePointer<Float>)
    case attention(q: Int, k: Int, v: Int, probs: UnsafeMutablePointer<Float>, AttentionShape)
    /// Attention over one `[batch, length, 3·width]` value holding q, k, v side by side.
    case packedAttention(qkv: Int, probs: UnsafeMutablePointer<Float>, AttentionShape)
    case embedding(table: Int, ids: UnsafeMutablePointer<Int32>)
    case dropout(Int, mask: UnsafeMutablePointer<Float>)
    /// Mean over each sequence's first `lengths[b]` positions (all of them when nil).
    case meanPool(Int, lengths: UnsafeMutablePointer<Int32>?)
    case firstToken(Int)
    /// `[rows; x[b]]` for each sequence: `rows [count, width]` placed before `x [batch, length, width]`.
    case prependRows(rows: Int, x: Int)
    /// `x [batch, length, width]` without its first `count` positions.
    case dropLeading(Int, count: Int)
    case sum(Int)
    case crossEntropy(logits: Int, targets: UnsafeMutablePointer<Int32>, probs: UnsafeMutablePointer<Float>, ignoreIndex: Int32,
                      weights: UnsafeMutablePointer<Float>?, weight: Float)
    case mse(Int, target: UnsafeMutablePointer<Float>)
    /// Mean KL divergence of `softmax(logits)` from target distributions, the model's
    /// probabilities saved in `probs`.
    case softCrossEntropy(logits: Int, targets: UnsafeMutablePointer<Float>, probs: UnsafeMutablePointer<Float>)
}

/// A batched product `C[batch, m, n] = op(A)[batch, m, k] · op(B)[batch or 1, k, n]`.
struct MatmulShape {
    var batch: Int, m: Int, n: Int, k: Int
    var transposeA: Bool, transposeB: Bool
    /// Whether B has its own matrix per batch entry (else one shared matrix).
    var batchedB: Bool
}
