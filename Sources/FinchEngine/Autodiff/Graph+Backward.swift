extension Graph {
    /// Reverse-mode pass from the scalar `loss` (seeded with 1): walks the tape backwards and
    /// accumulates gradients into every value and parameter that requires one.
    public func backward(from loss: Var) {
        precondition(nodes[loss.index].dims.count == 1, "backward needs a scalar loss")
        guard nodes[loss.index].requiresGrad else { return }
        grad(loss.index)[0] += 1
        for i in stride(from: loss.index, through: 0, by: -1) {
            guard nodes[i].requiresGrad, let dout = nodes[i].grad else { continue }
            backward(node: i, dout: dout)
        }
    }

    /// The gradient buffer of input `i` if it requires one, else nil.
    private func inputGrad(_ i: Int) -> UnsafeMutablePointer<Float>? {
        i >= 0 && nodes[i].requiresGrad ? grad(i) : nil
    }

    /// The gradient buffer of input `i` if it requires one, and whether it is new (uninitialised:
    /// the caller must write every element rather than accumulate).
    private func writableGrad(_ i: Int) -> (UnsafeMutablePointer<Float>?, fresh: Bool) {
        guard i >= 0 && nodes[i].requiresGrad else { return (nil, false) }
        let (grad, fresh) = gradForWriting(i)
        return (grad, fresh)
    }

    private func value(_ i: Int) -> UnsafeMutablePointer<Float> { nodes[i].value }

    private func backward(node i: Int, dout: UnsafeMutablePointer<Float>) {
        let dims = nodes[i].dims
        switch nodes[i].op {
        case .leaf:
            break
        case let .reshape(x):
            if let dx = inputGrad(x) { accumulate(dx, dout, count: dims.count) }
        case let .linear(x, w, b):
            let xd = nodes[x].dims
            let (dx, fresh) = writableGrad(x)
            linearBackward(dx: dx, dw: inputGrad(w), db: inputGrad(b), dout: dout, x: value(x), w: value(w),
                           rows: xd.rows, inputs: xd.last, outputs: dims.last, overwriteDx: fresh)
        case let .linearPacked(x, w0, w1, w2, packed):
            let xd = nodes[x].dims, rows = xd.rows, inputs = xd.last, outputs = dims.last
            let (dx, fresh) = writableGrad(x)
            if let dx {
                sgemmParallel(transA: false, transB: false, m: rows, n: inputs, k: outputs, alpha: 1,
                              a: dout, lda: outputs, b: packed, ldb: inputs, beta: fresh ? 0 : 1, c: dx, ldc: inputs)
            }
            let grads = (inputGrad(w0), inputGrad(w1), inputGrad(w2))
            if grads.0 != nil || grads.1 != nil || grads.2 != nil {
                let dw = floats.allocate(outputs * inputs)
                sgemmParallel(transA: true, transB: false, m: outputs, n: inputs, k: rows, alpha: 1,
                              a: dout, lda: outputs, b: value(x), ldb: inputs, beta: 0, c: dw, ldc: inputs)
                let count0 = nodes[w0].dims.count, count1 = nodes[w1].dims.count
                if let g = grads.0 { accumulate(g, dw, count: count0) }
                if let g = grads.1 { accumulate(g, dw + count0, count: count1) }
                if let g = grads.2 { accumulate(g, dw + count0 + count1, count: nodes[w2].dims.count) }
            }
        case let .linearGELU(x, w, b, pre, gate):
            let xd = nodes[x].dims
            let dpre = floats.allocate(dims.count)
            geluBackwardFromGate(dpre, pre, gate: gate, dout, count: dims.count)
            let (dx, fresh) = writableGrad(x)
            linearBackward(dx: dx, dw: inputGrad(w), db: inputGrad(b), dout: dpre, x: value(x), w: value(w),
                           rows: xd.rows, inputs: xd.last, outputs: dims.last, overwriteDx: fresh)
        case let .matmul(a, b, s):
            matmulBackward(a: a, b: b, s, dout: dout)
        case let .add(a, b):
            if a != b, nodes[b].dims.count == dims.count, b == i - 1, nodes[b].requiresGrad, nodes[b].grad == nil {
                // b was recorded just before this sum and nothing has reached its gradient: no
                // other op can, so it is this node's gradient (shared, not copied).
                nodes[b].grad = dout
                let (da, fresh) = writableGrad(a)
                if let da {
                    if fresh { copyValues(da, dout, count: dims.count) } else { accumulate(da, dout, count: dims.count) }
                }
                break
            }
            if let da = inputGrad(a) { accumulate(da, dout, count: dims.count) }
            if let db = inputGrad(b) { addBackwardBroadcast(db, dout, count: dims.count, bCount: nodes[b].dims.count) }
        case let .mul(a, b):
            if let da = inputGrad(a) { for j in 0..<dims.count { da[j] += dout[j] * value(b)[j] } }
            if let db = inputGrad(b) { for j in 0..<dims.count { db[j] += dout[j] * value(a)[j] } }
        case let .scale(x, factor):
            if let dx = inputGrad(x) { accumulate(dx, dout, scale: factor, count: dims.count) }
        case let .gelu(x):
            if let dx = inputGrad(x) { geluBackward(dx, value(x), dout, count: dims.count) }
        case let .relu(x):
            if let dx = inputGrad(x) { reluBackward(dx, value(x), dout, count: dims.count) }
        case let .tanh(x):
            if let dx = inputGrad(x) { tanhBackward(dx, nodes[i].value, dout, count: dims.count) }
        case let .softmax(x):
            if let dx = inputGrad(x) { softmaxBackward(dx, nodes[i].value, dout, rows: dims.rows, width: dims.last) }
        case let .layerNorm(x, w, b, stats):
            let scratch = self.scratch(layerNormScratch(rows: dims.rows, width: dims.last))
            layerNormBackward(dx: inputGrad(x), dw: inputGrad(w), db: inputGrad(b), dout: dout, x: value(x),
                              w: w >= 0 ? value(w) : nil, stats: stats, rows: dims.rows, width: dims.last, scratch: scratch)
        case let .attention(q, k, v, probs, shape):
            let scratch = floats.allocate(attentionScratch(shape))
            attentionBackward(dq: inputGrad(q), dk: inputGrad(k), dv: inputGrad(v), dout: dout, probs: probs,
                              q: value(q), k: value(k), v: value(v), scratch: scratch, shape: shape)
        case let .packedAttention(qkv, probs, shape):
            let (dqkv, fresh) = writableGrad(qkv)
            if let dqkv {
                let scratch = floats.allocate(attentionScratch(shape)), base = value(qkv), width = shape.width
                attentionBackward(dq: dqkv, dk: dqkv + width, dv: dqkv + 2 * width, dout: dout, probs: probs,
                                  q: base, k: base + width, v: base + 2 * width, scratch: scratch, shape: shape,
                                  overwrite: fresh)
            }
        case let .embedding(table, ids):
            if let dt = inputGrad(table) {
                embeddingBackward(dt, dout: dout, ids: ids, count: dims.rows, width: dims.last)
            }
        case let .dropout(x, mask):
            if let dx = inputGrad(x) { for j in 0..<dims.count { dx[j] += dout[j] * mask[j] } }
        case let .meanPool(x, lengths):
            let xd = nodes[x].dims
            if let dx = inputGrad(x) { meanPoolBackward(dx, dout: dout, batch: xd[0], length: xd[1], width: xd[2], lengths: lengths) }
        case let .firstToken(x):
            let xd = nodes[x].dims
            if let dx = inputGrad(x) { firstTokenBackward(dx, dout: dout, batch: xd[0], length: xd[1], width: xd[2]) }
        case let .prependRows(rows, x):
            let rd = nodes[rows].dims, xd = nodes[x].dims
            prependRowsBackward(drows: inputGrad(rows), dx: inputGrad(x), dout: dout, batch: xd[0], count: rd[0], length: xd[1], width: xd[2])
        case let .dropLeading(x, count):
            let xd = nodes[x].dims
            if let dx = inputGrad(x) { dropLeadingBackward(dx, dout: dout, batch: xd[0], count: count, length: xd[1], width: xd[2]) }
        case let .sum(x):
            if let dx = inputGrad(x) { for j in 0..<nodes[x].dims.count { dx[j] += dout[0] } }
        case let .crossEntropy(logits, targets, probs, ignoreIndex, weights, weight):
            let ld = nodes[logits].dims
            if let dl = inputGrad(logits) {
                crossEntropyBackward(dlogits: dl, probs: probs, targets: targets, weights: weights, dloss: dout[0], rows: ld.rows,
                                     classes: ld.last, ignoreIndex: ignoreIndex, weight: weight)
            }
        case let .mse(p, target):
            let n = nodes[p].dims.count
            if let dp = inputGrad(p) {
                let factor = 2 * dout[0] / Float(max(n, 1))
                let pv = value(p)
                for j in 0..<n { dp[j] += factor * (pv[j] - target[j]) }
            }
        case let .softCrossEntropy(logits, targets, probs):
            let ld = nodes[logits].dims
            if let dl = inputGrad(logits) {
                let factor = dout[0] / Float(max(ld.rows, 1))
                for j in 0..<ld.count { dl[j] += factor * (probs[j] - targets[j]) }
            }
        }
    }

    /// dA += dC·op(B)ᵀ (or its transpose), dB += op(A)ᵀ·dC (or its transpose), per batch entry.
    private func matmulBackward(a: Int, b: Int, _ s: MatmulShape, dout: UnsafeMutablePointer<Float>) {
        let av = value(a), bv = value(b)
        let lda = s.transposeA ? s.m : s.k, ldb = s.transposeB ? s.k : s.n
        let da = inputGrad(a), db = inputGrad(b)
        for i in 0..<s.batch {
            let dc = dout + i * s.m * s.n
            let aOffset = i * s.m * s.k, bOffset = s.batchedB ? i * s.k * s.n : 0
            if let da {
                if s.transposeA {
                    sgemm(transA: s.transposeB, transB: true, m: s.k, n: s.m, k: s.n, alpha: 1,
                          a: bv + bOffset, lda: ldb, b: dc, ldb: s.n, beta: 1, c: da + aOffset, ldc: lda)
                } else {
                    sgemm(transA: false, transB: !s.transposeB, m: s.m, n: s.k, k: s.n, alpha: 1,
                          a: dc, lda: s.n, b: bv + bOffset, ldb: ldb, beta: 1, c: da + aOffset, ldc: lda)
                }
            }
            if let db {
                if s.transposeB {
                    sgemm(transA: true, transB: s.transposeA, m: s.n, n: s.k, k: s.m, alpha: 1,
                          a: dc, lda: s.n, b: av + aOffset, ldb: lda, beta: 1, c: db + bOffset, ldc: ldb)
                } else {
                    sgemm(transA: !s.transposeA, transB: false, m: s.k, n: s.n, k: s.m, alpha: 1,
                          a: av + aOffset, lda: lda, b: dc, ldb: s.n, beta: 1, c: db + bOffset, ldc: ldb)
                }
            }
        }
    }
}
