/// The K/V cache and the forward of rows of positions over it, llm.c style: every buffer is
/// allocated once for `context` rows, and nothing allocates in `forward`.
final class KVCache {
    /// The weights and the steps they are run in.
    let w: DecoderWeights
    /// Keys and values: for each attention layer, `[context, width]` from `context · cache`.
    let keys: UnsafeMutablePointer<Float>, values: UnsafeMutablePointer<Float>
    /// Residual stream, normed stream, queries, attention output `[context, maxWidth]`.
    let x: UnsafeMutablePointer<Float>, normed: UnsafeMutablePointer<Float>
    let queries: UnsafeMutablePointer<Float>, mixed: UnsafeMutablePointer<Float>
    /// Attention weights of one row `[context]`; layer-norm statistics `[2·context]`.
    let scores: UnsafeMutablePointer<Float>, stats: UnsafeMutablePointer<Float>
    /// Logits of the last row run `[vocabulary]`.
    let logits: UnsafeMutablePointer<Float>

    init(_ weights: DecoderWeights) {
        w = weights
        let rows = weights.context * weights.maxWidth
        keys = .allocate(capacity: max(1, weights.context * weights.cacheWidth))
        values = .allocate(capacity: max(1, weights.context * weights.cacheWidth))
        x = .allocate(capacity: rows)
        normed = .allocate(capacity: rows)
        queries = .allocate(capacity: rows)
        mixed = .allocate(capacity: rows)
        scores = .allocate(capacity: weights.context)
        stats = .allocate(capacity: 2 * weights.context)
        logits = .allocate(capacity: weights.vocabulary)
    }

    deinit {
        for buffer in [keys, values, x, normed, queries, mixed, scores, stats, logits] { buffer.deallocate() }
    }

    /// Runs `tokens[0..<rows]` at positions `first..<first + rows` (first + rows ≤ context),
    /// storing their keys and values in the cache, and leaves the last row's logits in `logits`.
    func forward(_ tokens: UnsafePointer<Int32>, rows: Int, from first: Int) {
        var c = w.embeddingWidth
        for r in 0..<rows {
            (x + r * c).update(from: w[w.embedding] + Int(tokens[r]) * c, count: c)
        }
        for step in w.steps {
            switch step {
            case let .positions(table, width):
                let p = w[table] + first * width
                for i in 0..<rows * width { x[i] += p[i] }
            case let .norm(n):
                norm(n, x, into: x, rows: rows)
            case let .activation(kind, width):
                activate(kind, x, count: rows * width)
            case let .linear(l):
                linear(l, x, into: normed, rows: rows, accumulate: false)
                x.update(from: normed, count: rows * l.outputs)
                c = l.outputs
            case let .attention(a):
                attention(a, x, rows: rows, from: first)
                x.update(from: normed, count: rows * a.width)
            case let .block(b):
                norm(b.ln1, x, into: normed, rows: rows)
                attention(b.attention, normed, rows: rows, from: first)
                for i in 0..<rows * c { x[i] += normed[i] }
                norm(b.ln2, x, into: normed, rows: rows)
                linear(b.fc, normed, into: mixed, rows: rows, accumulate: false)
                activate(.gelu, mixed, count: rows * b.fc.outputs)
                linear(b.proj, mixed, into: x, rows: rows, accumulate: true)
            }
        }
        linear(w.head, x + (rows - 1) * c, into: logits, rows: 1, accumulate: false)
    }

    /// `normed[r]` = o(causal attention of the rows of `input`) at positions `first + r`, over
    /// cached positions 0…first + r, per head softmax(q·kᵀ/√d)·v; stores the rows' keys and values.
    /// `input` is read before `normed` is written.
    private func attention(_ a: DecoderWeights.Attention, _ input: UnsafePointer<Float>, rows: Int, from first: Int) {
        let c = a.inner, d = c / a.heads, layer = w.context * a.cache
        let k = keys + layer, v = values + layer
        linear(a.q, input, into: queries, rows: rows, accumulate: false)
        linear(a.k, input, into: k + first * c, rows: rows, accumulate: false)
        linear(a.v, input, into: v + first * c, rows: rows, accumulate: false)
        let scale = 1 / Float(d).squareRoot()
        for r in 0..<rows {
            let visible = first + r + 1
            for h in 0..<a.heads {
                let q = queries + r * c + h * d, out = mixed + r * c + h * d
                for j in 0..<visible { scores[j] = scale * lanesDot(q, k + j * c + h * d, d) }
                let maximum = lanesMax(scores, visible)
                for j in 0..<visible { scores[j] = exponential(scores[j] - maximum) }
                let inverse = 1 / lanesDot(scores, nil, visible)
                for i in 0..<d { out[i] = 0 }
                for j in 0..<visible {
                    let p = scores[j] * inverse, value = v + j * c + h * d
                    for i in 0..<d { out[i] += p * value[i] }
                }
            }
        }
        linear(a.o, mixed, into: normed, rows: rows, accumulate: false)
    }

    /// `out[rows, outputs] (+)= input[rows, inputs]·Wᵀ + b`: a matrix-vector product for one row.
    private func linear(_ l: DecoderWeights.Linear, _ input: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>,
                        rows: Int, accumulate: Bool) {
        let beta: Float = accumulate ? 1 : 0
        if rows == 1 {
            sgemv(m: l.outputs, n: l.inputs, a: w[l.weight], lda: l.inputs, x: input, beta: beta, y: out)
        } else {
            sgemm(transA: false, transB: true, m: rows, n: l.outputs, k: l.inputs, alpha: 1, a: input, lda: l.inputs,
                  b: w[l.weight], ldb: l.inputs, beta: beta, c: out, ldc: l.outputs)
        }
        guard let bias = l.bias else { return }
        let b = w[bias]
        for r in 0..<rows {
            let row = out + r * l.outputs
            for i in 0..<l.outputs { row[i] += b[i] }
        }
    }

    /// The training forward's elementwise functions, in place.
    private func activate(_ kind: Activation, _ values: UnsafeMutablePointer<Float>, count: Int) {
        switch kind {
        case .gelu: geluRange(values, values, 0..<count)
        case .relu: reluForward(values, values, count: count)
        case .tanh: tanhForward(values, values, count: count)
        }
    }

    /// Layer norm of `rows` rows of `input` into `out` (they may be the same buffer).
    private func norm(_ n: DecoderWeights.Norm, _ input: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int) {
        layerNormForward(out, stats: stats, input, w[n.weight], n.bias.map { w[$0] }, rows: rows, width: n.width, epsilon: 1e-5)
    }
}
