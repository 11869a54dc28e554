import Glibc

/// Naive references for the engine's fast kernels, the test oracles (as llm.c keeps
/// `matmul_forward_naive` beside its fast product). Each is a plain scalar loop over flat
/// row-major arrays that accumulates in Double, written to be obviously right rather than fast:
/// no lanes, no chunks, no threads, no fast exponential. Inputs are the Float values the engine
/// saw (GELU and the linear backward also take Doubles, to be fed another reference's result);
/// results are Double. Backward references take the upstream gradient `dout` and return the
/// gradients themselves (not accumulated into anything).
enum Naive {
    // MARK: Normalisation

    /// Layer norm of `x [rows, width]` over each row: (x − mean)/√(variance + ε)·w + b, the
    /// variance biased (divided by width). `w`, `b` `[width]`; nil means 1 and 0. `[rows, width]`.
    static func layerNorm(
        _ x: [Float], weight w: [Float]?, bias b: [Float]?, rows: Int, width: Int, epsilon: Double = 1e-5
    ) -> [Double] {
        var out = [Double](repeating: 0, count: rows * width)
        for r in 0..<rows {
            let (mean, variance) = moments(x, row: r, width: width)
            for i in 0..<width {
                let normed = (Double(x[r * width + i]) - mean) / (variance + epsilon).squareRoot()
                out[r * width + i] = normed * Double(w?[i] ?? 1) + Double(b?[i] ?? 0)
            }
        }
        return out
    }

    /// Gradients of `layerNorm` for upstream `dout [rows, width]`, by the textbook chain rule
    /// through the variance and the mean (not the engine's compact form): dx `[rows, width]`,
    /// dw and db `[width]`.
    static func layerNormBackward(
        _ dout: [Float], x: [Float], weight w: [Float]?, rows: Int, width: Int, epsilon: Double = 1e-5
    ) -> (dx: [Double], dw: [Double], db: [Double]) {
        var dx = [Double](repeating: 0, count: rows * width)
        var dw = [Double](repeating: 0, count: width), db = dw
        let n = Double(width)
        for r in 0..<rows {
            let (mean, variance) = moments(x, row: r, width: width)
            let rstd = 1 / (variance + epsilon).squareRoot()
            var dvariance = 0.0, dmean = 0.0, centredSum = 0.0
            for i in 0..<width {
                let centred = Double(x[r * width + i]) - mean, g = Double(dout[r * width + i])
                let dnormed = g * Double(w?[i] ?? 1)
                dw[i] += g * centred * rstd
                db[i] += g
                dvariance += dnormed * centred * -0.5 * rstd * rstd * rstd
                dmean -= dnormed * rstd
                centredSum += centred
            }
            dmean += dvariance * -2 * centredSum / n
            for i in 0..<width {
                let centred = Double(x[r * width + i]) - mean
                let dnormed = Double(dout[r * width + i]) * Double(w?[i] ?? 1)
                dx[r * width + i] = dnormed * rstd + dvariance * 2 * centred / n + dmean / n
            }
        }
        return (dx, dw, db)
    }

    /// Mean and biased variance of row `row` of `x [rows, width]`.
    private static func moments(_ x: [Float], row: Int, width: Int) -> (mean: Double, variance: Double) {
        var sum = 0.0
        for i in 0..<width { sum += Double(x[row * width + i]) }
        let mean = sum / Double(width)
        var squares = 0.0
        for i in 0..<width { squares += (Double(x[row * width + i]) - mean) * (Double(x[row * width + i]) - mean) }
        return (mean, squares / Double(width))
    }

    // MARK: Softmax and cross-entropy

    /// Softmax of each row of `x [rows, width]`: exp(x − max) / Σ exp(x − max). `[rows, width]`.
    static func softmax(_ x: [Float], rows: Int, width: Int) -> [Double] {
        var out = [Double](repeating: 0, count: rows * width)
        for r in 0..<rows {
            var maximum = -Double.infinity
            for i in 0..<width { maximum = max(maximum, Double(x[r * width + i])) }
            var sum = 0.0
            for i in 0..<width { sum += exp(Double(x[r * width + i]) - maximum) }
            for i in 0..<width { out[r * width + i] = exp(Double(x[r * width + i]) - maximum) / sum }
        }
        return out
    }

    /// Gradient of `softmax` for upstream `dout [rows, width]`, recomputing y from x:
    /// dxᵢ = Σⱼ doutⱼ·yⱼ(δᵢⱼ − yᵢ) = yᵢ(doutᵢ − Σⱼ doutⱼ·yⱼ). `[rows, width]`.
    static func softmaxBackward(_ dout: [Float], x: [Float], rows: Int, width: Int) -> [Double] {
        let y = softmax(x, rows: rows, width: width)
        var dx = [Double](repeating: 0, count: rows * width)
        for r in 0..<rows {
            var dot = 0.0
            for j in 0..<width { dot += Double(dout[r * width + j]) * y[r * width + j] }
            for i in 0..<width { dx[r * width + i] = y[r * width + i] * (Double(dout[r * width + i]) - dot) }
        }
        return dx
    }

    /// Mean over rows whose target is not `ignoreIndex` of −log softmax(logits)[target], for
    /// `logits [rows, classes]` and `targets [rows]` (log-sum-exp, no clamped probabilities), and
    /// the gradient for upstream `dloss`: dloss/counted · (softmax − onehot(target)) on counted
    /// rows, zero on ignored ones. Loss 0 and zero gradient when no row counts.
    static func crossEntropy(
        _ logits: [Float], targets: [Int32], rows: Int, classes: Int, ignoreIndex: Int32, dloss: Double
    ) -> (loss: Double, dlogits: [Double]) {
        let p = softmax(logits, rows: rows, width: classes)
        let counted = targets.filter { $0 != ignoreIndex }.count
        var total = 0.0
        var dlogits = [Double](repeating: 0, count: rows * classes)
        for r in 0..<rows where targets[r] != ignoreIndex {
            let target = Int(targets[r])
            var maximum = -Double.infinity
            for j in 0..<classes { maximum = max(maximum, Double(logits[r * classes + j])) }
            var sum = 0.0
            for j in 0..<classes { sum += exp(Double(logits[r * classes + j]) - maximum) }
            total += maximum + log(sum) - Double(logits[r * classes + target])
            for j in 0..<classes {
                dlogits[r * classes + j] = dloss / Double(counted) * (p[r * classes + j] - (j == target ? 1 : 0))
            }
        }
        return (counted == 0 ? 0 : total / Double(counted), dlogits)
    }

    // MARK: Activations

    /// √(2/π) in Double.
    private static let geluScale = (2 / Double.pi).squareRoot()

    /// GELU with the tanh approximation, ½x(1 + tanh(√(2/π)(x + 0.044715x³))), elementwise.
    static func gelu<T: BinaryFloatingPoint>(_ x: [T]) -> [Double] {
        x.map { Double($0) }.map { v in 0.5 * v * (1 + tanh(geluScale * (v + 0.044715 * v * v * v))) }
    }

    /// Gradient of `gelu` for upstream `dout` (same shape): dout · [½(1 + t) + ½x(1 − t²)·
    /// √(2/π)(1 + 3·0.044715x²)] with t = tanh(√(2/π)(x + 0.044715x³)).
    static func geluBackward<G: BinaryFloatingPoint, T: BinaryFloatingPoint>(_ dout: [G], x: [T]) -> [Double] {
        zip(x, dout).map { xv, g in
            let v = Double(xv), t = tanh(geluScale * (v + 0.044715 * v * v * v))
            return Double(g) * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * geluScale * (1 + 3 * 0.044715 * v * v))
        }
    }

    // MARK: Products

    /// `x [rows, inputs] · w[outputs, inputs]ᵀ + b[outputs]` (b nil: none). `[rows, outputs]`.
    static func linear(_ x: [Float], weight w: [Float], bias b: [Float]?, rows: Int, inputs: Int, outputs: Int) -> [Double] {
        var out = [Double](repeating: 0, count: rows * outputs)
        for r in 0..<rows {
            for o in 0..<outputs {
                var sum = Double(b?[o] ?? 0)
                for i in 0..<inputs { sum += Double(x[r * inputs + i]) * Double(w[o * inputs + i]) }
                out[r * outputs + o] = sum
            }
        }
        return out
    }

    /// Gradients of `linear` for upstream `dout [rows, outputs]`: dx = dout·w `[rows, inputs]`,
    /// dw = doutᵀ·x `[outputs, inputs]`, db = Σ over rows of dout `[outputs]`.
    static func linearBackward<G: BinaryFloatingPoint>(
        _ dout: [G], x: [Float], weight w: [Float], rows: Int, inputs: Int, outputs: Int
    ) -> (dx: [Double], dw: [Double], db: [Double]) {
        var dx = [Double](repeating: 0, count: rows * inputs)
        var dw = [Double](repeating: 0, count: outputs * inputs), db = [Double](repeating: 0, count: outputs)
        for r in 0..<rows {
            for o in 0..<outputs {
                let g = Double(dout[r * outputs + o])
                db[o] += g
                for i in 0..<inputs {
                    dx[r * inputs + i] += g * Double(w[o * inputs + i])
                    dw[o * inputs + i] += g * Double(x[r * inputs + i])
                }
            }
        }
        return (dx, dw, db)
    }

    /// The layout of a batched product `C[batch, m, n] = op(A)[batch, m, k] · op(B)[batch or 1,
    /// k, n]`, where op(X) = Xᵀ when X is stored transposed (A `[batch, k, m]`, B `[·, n, k]`).
    struct Product {
        var batch: Int, m: Int, n: Int, k: Int
        var transposeA = false, transposeB = false
        /// Whether B has a matrix per batch entry (else one `[k, n]` or `[n, k]` for all).
        var batchedB = true

        /// Index in A of op(A)[e, i, p].
        func a(_ e: Int, _ i: Int, _ p: Int) -> Int { e * m * k + (transposeA ? p * m + i : i * k + p) }
        /// Index in B of op(B)[e, p, j].
        func b(_ e: Int, _ p: Int, _ j: Int) -> Int { (batchedB ? e * k * n : 0) + (transposeB ? j * k + p : p * n + j) }
    }

    /// `op(A)·op(B)` for the layout `s`. `[batch, m, n]`.
    static func matmul(_ a: [Float], _ b: [Float], _ s: Product) -> [Double] {
        var c = [Double](repeating: 0, count: s.batch * s.m * s.n)
        for e in 0..<s.batch {
            for i in 0..<s.m {
                for j in 0..<s.n {
                    var sum = 0.0
                    for p in 0..<s.k { sum += Double(a[s.a(e, i, p)]) * Double(b[s.b(e, p, j)]) }
                    c[(e * s.m + i) * s.n + j] = sum
                }
            }
        }
        return c
    }

    /// Gradients of `matmul` for upstream `dout [batch, m, n]`, in the stored layouts of A and B:
    /// ∂/∂op(A)[e, i, p] = Σⱼ dout[e, i, j]·op(B)[e, p, j], ∂/∂op(B)[e, p, j] = Σᵢ op(A)[e, i, p]·dout[e, i, j]
    /// (a shared B sums over the batch).
    static func matmulBackward(_ dout: [Float], a: [Float], b: [Float], _ s: Product) -> (da: [Double], db: [Double]) {
        var da = [Double](repeating: 0, count: a.count), db = [Double](repeating: 0, count: b.count)
        for e in 0..<s.batch {
            for i in 0..<s.m {
                for j in 0..<s.n {
                    let g = Double(dout[(e * s.m + i) * s.n + j])
                    for p in 0..<s.k {
                        da[s.a(e, i, p)] += g * Double(b[s.b(e, p, j)])
                        db[s.b(e, p, j)] += g * Double(a[s.a(e, i, p)])
                    }
                }
            }
        }
        return (da, db)
    }

    // MARK: Attention

    /// The shape of a multi-head self-attention: q, k, v and its output `[batch, length, width]`,
    /// head h the columns `h·width/heads ..< (h + 1)·width/heads`. A query at position i sees
    /// keys j ≤ i when `causal`, else keys j < `lengths[b]` (every key when nil).
    struct Attention {
        var batch: Int, length: Int, width: Int, heads: Int, causal: Bool
        var lengths: [Int]?
        var headWidth: Int { width / heads }
        /// Whether a query at position i of example b sees the key at position j.
        func sees(_ b: Int, _ i: Int, _ j: Int) -> Bool { causal ? j <= i : j < (lengths?[b] ?? length) }
        /// Index of channel d of head h at position t of example b.
        func at(_ b: Int, _ t: Int, _ h: Int, _ d: Int) -> Int { (b * length + t) * width + h * headWidth + d }
    }

    /// Probabilities P[b, h, i, j] = softmax over visible j of q_i·k_j/√headWidth (zero where
    /// not visible), `[batch, heads, length, length]`.
    static func attentionProbabilities(q: [Float], k: [Float], _ s: Attention) -> [Double] {
        let t = s.length, scale = 1 / Double(s.headWidth).squareRoot()
        var p = [Double](repeating: 0, count: s.batch * s.heads * t * t)
        for b in 0..<s.batch {
            for h in 0..<s.heads {
                for i in 0..<t {
                    let row = ((b * s.heads + h) * t + i) * t
                    var maximum = -Double.infinity
                    for j in 0..<t where s.sees(b, i, j) {
                        var dot = 0.0
                        for d in 0..<s.headWidth { dot += Double(q[s.at(b, i, h, d)]) * Double(k[s.at(b, j, h, d)]) }
                        p[row + j] = dot * scale
                        maximum = max(maximum, p[row + j])
                    }
                    var sum = 0.0
                    for j in 0..<t where s.sees(b, i, j) { sum += exp(p[row + j] - maximum) }
                    for j in 0..<t { p[row + j] = s.sees(b, i, j) ? exp(p[row + j] - maximum) / sum : 0 }
                }
            }
        }
        return p
    }

    /// Attention output out_i = Σⱼ P[i, j]·v_j per (example, head). `[batch, length, width]`.
    static func attention(q: [Float], k: [Float], v: [Float], _ s: Attention) -> [Double] {
        let p = attentionProbabilities(q: q, k: k, s), t = s.length
        var out = [Double](repeating: 0, count: s.batch * t * s.width)
        for b in 0..<s.batch {
            for h in 0..<s.heads {
                for i in 0..<t {
                    for j in 0..<t {
                        let weight = p[((b * s.heads + h) * t + i) * t + j]
                        for d in 0..<s.headWidth { out[s.at(b, i, h, d)] += weight * Double(v[s.at(b, j, h, d)]) }
                    }
                }
            }
        }
        return out
    }

    /// Gradients of `attention` for upstream `dout [batch, length, width]`: dv_j = Σᵢ P[i, j]·dout_i;
    /// dP[i, j] = dout_i·v_j; dS = P ⊙ (dP − Σⱼ P⊙dP) per row; dq_i = Σⱼ dS[i, j]·k_j/√d and
    /// dk_j = Σᵢ dS[i, j]·q_i/√d. Each `[batch, length, width]`.
    static func attentionBackward(
        _ dout: [Float], q: [Float], k: [Float], v: [Float], _ s: Attention
    ) -> (dq: [Double], dk: [Double], dv: [Double]) {
        let p = attentionProbabilities(q: q, k: k, s), t = s.length, scale = 1 / Double(s.headWidth).squareRoot()
        let zeros = [Double](repeating: 0, count: s.batch * t * s.width)
        var dq = zeros, dk = zeros, dv = zeros
        for b in 0..<s.batch {
            for h in 0..<s.heads {
                for i in 0..<t {
                    let row = ((b * s.heads + h) * t + i) * t
                    var dp = [Double](repeating: 0, count: t)
                    var rowDot = 0.0
                    for j in 0..<t {
                        for d in 0..<s.headWidth {
                            dv[s.at(b, j, h, d)] += p[row + j] * Double(dout[s.at(b, i, h, d)])
                            dp[j] += Double(dout[s.at(b, i, h, d)]) * Double(v[s.at(b, j, h, d)])
                        }
                        rowDot += p[row + j] * dp[j]
                    }
                    for j in 0..<t {
                        let ds = p[row + j] * (dp[j] - rowDot)
                        for d in 0..<s.headWidth {
                            dq[s.at(b, i, h, d)] += ds * Double(k[s.at(b, j, h, d)]) * scale
                            dk[s.at(b, j, h, d)] += ds * Double(q[s.at(b, i, h, d)]) * scale
                        }
                    }
                }
            }
        }
        return (dq, dk, dv)
    }

    // MARK: Gathers and pooling

    /// Rows of `table [vocabulary, width]` picked by `ids [count]`. `[count, width]`.
    static func embedding(table: [Float], ids: [Int32], width: Int) -> [Double] {
        var out = [Double](repeating: 0, count: ids.count * width)
        for (n, id) in ids.enumerated() {
            for j in 0..<width { out[n * width + j] = Double(table[Int(id) * width + j]) }
        }
        return out
    }

    /// Gradient of `embedding` for upstream `dout [count, width]`: the scatter-add
    /// dtable[ids[n], :] += dout[n, :] (repeated ids add up). `[vocabulary, width]`.
    static func embeddingBackward(_ dout: [Float], ids: [Int32], vocabulary: Int, width: Int) -> [Double] {
        var dtable = [Double](repeating: 0, count: vocabulary * width)
        for (n, id) in ids.enumerated() {
            for j in 0..<width { dtable[Int(id) * width + j] += Double(dout[n * width + j]) }
        }
        return dtable
    }

    /// Mean of `x [batch, length, width]` over each example's first `lengths[b]` positions
    /// (all when nil). `[batch, width]`.
    static func meanPool(_ x: [Float], batch: Int, length: Int, width: Int, lengths: [Int]?) -> [Double] {
        var out = [Double](repeating: 0, count: batch * width)
        for b in 0..<batch {
            let count = lengths?[b] ?? length
            for t in 0..<count {
                for j in 0..<width { out[b * width + j] += Double(x[(b * length + t) * width + j]) / Double(count) }
            }
        }
        return out
    }

    /// Gradient of `meanPool` for upstream `dout [batch, width]`: dout/n(b) at each of the first
    /// n(b) positions, zero at the padding. `[batch, length, width]`.
    static func meanPoolBackward(_ dout: [Float], batch: Int, length: Int, width: Int, lengths: [Int]?) -> [Double] {
        var dx = [Double](repeating: 0, count: batch * length * width)
        for b in 0..<batch {
            let count = lengths?[b] ?? length
            for t in 0..<count {
                for j in 0..<width { dx[(b * length + t) * width + j] = Double(dout[b * width + j]) / Double(count) }
            }
        }
        return dx
    }

    // MARK: Optimisation

    /// `p` after one AdamW update per gradient of `gradients` (each `p`'s shape), from zero
    /// moments: at step t, m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², then
    /// p ← p(1 − lr·decay) − lr·m̂/(√v̂ + ε) with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
    static func adamW(
        _ p: [Float], gradients: [[Float]], learningRate lr: Double, beta1: Double, beta2: Double, epsilon: Double, decay: Double
    ) -> [Double] {
        var value = p.map(Double.init)
        var m = [Double](repeating: 0, count: p.count), v = m
        for (step, g) in gradients.enumerated() {
            let t = Double(step + 1)
            for i in 0..<p.count {
                m[i] = beta1 * m[i] + (1 - beta1) * Double(g[i])
                v[i] = beta2 * v[i] + (1 - beta2) * Double(g[i]) * Double(g[i])
                let mHat = m[i] / (1 - pow(beta1, t)), vHat = v[i] / (1 - pow(beta2, t))
                value[i] = value[i] * (1 - lr * decay) - lr * mHat / (vHat.squareRoot() + epsilon)
            }
        }
        return value
    }

    /// The L2 norm of all of `gradients` together, and the gradients scaled by
    /// maxNorm/(norm + 10⁻⁶) when the norm exceeds `maxNorm` (unchanged otherwise).
    static func clip(_ gradients: [[Float]], maxNorm: Double) -> (norm: Double, clipped: [[Double]]) {
        var total = 0.0
        for g in gradients { for x in g { total += Double(x) * Double(x) } }
        let norm = total.squareRoot(), factor = norm > maxNorm ? maxNorm / (norm + 1e-6) : 1
        return (norm, gradients.map { $0.map { Double($0) * factor } })
    }

    // MARK: Losses

    /// Mean of (prediction − target)² over all `count` elements, and its gradient for upstream
    /// `dloss`: 2·dloss·(prediction − target)/count.
    static func meanSquaredError(_ prediction: [Float], target: [Float], dloss: Double) -> (loss: Double, grad: [Double]) {
        let n = Double(prediction.count)
        var total = 0.0
        for (p, t) in zip(prediction, target) { total += (Double(p) - Double(t)) * (Double(p) - Double(t)) }
        return (total / n, zip(prediction, target).map { 2 * dloss * (Double($0) - Double($1)) / n })
    }
}
