import Glibc

/// Shapes of a multi-head self-attention: q, k, v and out are `[batch, length, width]`, split into
/// `heads` heads of `width / heads` channels; probabilities are `[batch, heads, length, length]`.
struct AttentionShape {
    var batch: Int, length: Int, width: Int, heads: Int, causal: Bool
    var headWidth: Int { width / heads }
    var scale: Float { 1 / Float(headWidth).squareRoot() }
}

/// Scaled dot-product attention, one `sgemm` pair per (batch, head):
/// P = softmax(Q·Kᵀ/√d [masked above the diagonal when causal]), out = P·V.
/// Heads are read in place (leading dimension `width`); nothing is copied or transposed.
func attentionForward(
    _ out: UnsafeMutablePointer<Float>, probs: UnsafeMutablePointer<Float>,
    q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>, shape s: AttentionShape
) {
    let t = s.length, c = s.width, hd = s.headWidth
    parallelParts(s.batch * s.heads, grain: 1) { _, pairs in
        for pair in pairs {
            let offset = (pair / s.heads) * t * c + (pair % s.heads) * hd
            let p = probs + pair * t * t
            sgemm(transA: false, transB: true, m: t, n: t, k: hd, alpha: s.scale,
                  a: q + offset, lda: c, b: k + offset, ldb: c, beta: 0, c: p, ldc: t)
            for i in 0..<t {
                let row = p + i * t
                let visible = s.causal ? i + 1 : t
                var maximum = -Float.infinity
                for j in 0..<visible { maximum = max(maximum, row[j]) }
                for j in 0..<visible { row[j] = exponential(row[j] - maximum) }
                var sum: Float = 0
                for j in 0..<visible { sum += row[j] }
                let inverse = 1 / sum
                for j in 0..<visible { row[j] *= inverse }
                for j in visible..<t { row[j] = 0 }
            }
            sgemm(transA: false, transB: false, m: t, n: hd, k: t, alpha: 1,
                  a: p, lda: t, b: v + offset, ldb: c, beta: 0, c: out + offset, ldc: c)
        }
    }
}

/// The reference for `attentionForward`: the same maths as plain loops (test oracle only).
func attentionForwardNaive(
    _ out: UnsafeMutablePointer<Float>, q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
    shape s: AttentionShape
) {
    let t = s.length, c = s.width, hd = s.headWidth
    var scores = [Float](repeating: 0, count: t)
    for b in 0..<s.batch {
        for h in 0..<s.heads {
            for i in 0..<t {
                let visible = s.causal ? i + 1 : t
                var maximum = -Float.infinity
                for j in 0..<visible {
                    var dot: Float = 0
                    for d in 0..<hd { dot += q[b * t * c + i * c + h * hd + d] * k[b * t * c + j * c + h * hd + d] }
                    scores[j] = dot * s.scale
                    maximum = max(maximum, scores[j])
                }
                var sum: Float = 0
                for j in 0..<visible { scores[j] = expf(scores[j] - maximum); sum += scores[j] }
                for d in 0..<hd {
                    var acc: Float = 0
                    for j in 0..<visible { acc += scores[j] / sum * v[b * t * c + j * c + h * hd + d] }
                    out[b * t * c + i * c + h * hd + d] = acc
                }
            }
        }
    }
}

/// Floats of scratch `attentionBackward` needs: one `length²` block per possible thread (fixed,
/// so buffer sizes do not depend on the thread count in force).
func attentionScratch(_ s: AttentionShape) -> Int { s.length * s.length * min(s.batch * s.heads, EngineThreads.pool.workers + 1) }

/// Accumulates the gradients of `attentionForward` into `dq`, `dk`, `dv` (each optional).
/// (example, head) pairs are split across threads; `scratch` holds `attentionScratch` floats.
func attentionBackward(
    dq: UnsafeMutablePointer<Float>?, dk: UnsafeMutablePointer<Float>?, dv: UnsafeMutablePointer<Float>?,
    dout: UnsafePointer<Float>, probs: UnsafePointer<Float>,
    q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
    scratch: UnsafeMutablePointer<Float>, shape s: AttentionShape
) {
    let t = s.length, c = s.width, hd = s.headWidth
    parallelParts(s.batch * s.heads, grain: 1) { part, pairs in
        let dp = scratch + part * t * t
        for pair in pairs {
            let offset = (pair / s.heads) * t * c + (pair % s.heads) * hd
            let p = probs + pair * t * t
            if let dv {
                sgemm(transA: true, transB: false, m: t, n: hd, k: t, alpha: 1,
                      a: p, lda: t, b: dout + offset, ldb: c, beta: 1, c: dv + offset, ldc: c)
            }
            guard dq != nil || dk != nil else { continue }
            sgemm(transA: false, transB: true, m: t, n: t, k: hd, alpha: 1,
                  a: dout + offset, lda: c, b: v + offset, ldb: c, beta: 0, c: dp, ldc: t)
            for i in 0..<t {
                let pr = p + i * t, dr = dp + i * t
                let visible = s.causal ? i + 1 : t
                var dot: Float = 0
                for j in 0..<visible { dot += pr[j] * dr[j] }
                for j in 0..<visible { dr[j] = pr[j] * (dr[j] - dot) }
                for j in visible..<t { dr[j] = 0 }
            }
            if let dq {
                sgemm(transA: false, transB: false, m: t, n: hd, k: t, alpha: s.scale,
                      a: dp, lda: t, b: k + offset, ldb: c, beta: 1, c: dq + offset, ldc: c)
            }
            if let dk {
                sgemm(transA: true, transB: false, m: t, n: hd, k: t, alpha: s.scale,
                      a: dp, lda: t, b: q + offset, ldb: c, beta: 1, c: dk + offset, ldc: c)
            }
        }
    }
}
