/// Shapes of a multi-head self-attention: q, k, v and out are `[batch, length, width]`, split into
/// `heads` heads of `width / heads` channels; probabilities are `[batch, heads, length, length]`.
/// q, k and v rows are `inputStride` floats apart (0 = `width`; `3·width` when they are the
/// column blocks of one packed `[batch, length, 3·width]` projection).
///
/// `keyLengths` masks right padding in bidirectional attention: queries of example b see keys
/// `0..<keyLengths[b]` only (as if the other scores were −∞ before the softmax). Causal
/// attention ignores it: with padding on the right, a real position t sees only keys ≤ t, which
/// are real already; pad queries see pad keys, but nothing real reads a pad position's output.
struct AttentionShape {
    var batch: Int, length: Int, width: Int, heads: Int, causal: Bool
    var inputStride = 0
    /// Real length of each example's sequence (nil: every position is real).
    var keyLengths: UnsafePointer<Int32>?
    var headWidth: Int { width / heads }
    var scale: Float { 1 / Float(headWidth).squareRoot() }
    /// Row stride of q, k, v and of their gradients.
    var ld: Int { inputStride > 0 ? inputStride : width }
    /// Rows per block of the causal split (see `blockRows`).
    var causalBlock = 32
    /// Rows per block: causal block r sees keys `0..<end(r)` only, so the products skip most
    /// of the masked upper triangle. One block when not causal.
    var blockRows: Int { causal ? max(1, min(causalBlock, length)) : length }
    var blocks: Int { (length + blockRows - 1) / blockRows }
    /// Keys a query of `example` may see when not causal: its real length, or every position.
    func keys(of example: Int) -> Int { keyLengths.map { Int($0[example]) } ?? length }
}

/// Scaled dot-product attention, `sgemm`s per (batch, head) and causal row block:
/// P = softmax(Q·Kᵀ/√d [masked above the diagonal when causal, or keys past the example's
/// real length when not]), out = P·V.
/// Heads are read in place (leading dimension `ld`); nothing is copied or transposed. Causal
/// blocks compute scores only for keys up to their last row, and masked examples only for their
/// real keys; the rest of P is zero.
func attentionForward(
    _ out: UnsafeMutablePointer<Float>, probs: UnsafeMutablePointer<Float>,
    q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>, shape s: AttentionShape
) {
    let t = s.length, c = s.width, hd = s.headWidth, ld = s.ld, bs = s.blockRows
    parallelParts(s.batch * s.heads, grain: 1) { _, pairs in
        for pair in pairs {
            let example = pair / s.heads, head = pair % s.heads
            let inOffset = example * t * ld + head * hd, outOffset = example * t * c + head * hd
            let p = probs + pair * t * t, real = s.keys(of: example)
            for block in 0..<s.blocks {
                let r0 = block * bs, r1 = min(t, r0 + bs), keys = s.causal ? r1 : real
                sgemm(transA: false, transB: true, m: r1 - r0, n: keys, k: hd, alpha: s.scale,
                      a: q + inOffset + r0 * ld, lda: ld, b: k + inOffset, ldb: ld, beta: 0, c: p + r0 * t, ldc: t)
                for i in r0..<r1 {
                    let row = p + i * t
                    let visible = s.causal ? i + 1 : real
                    let maximum = lanesMax(row, visible)
                    for j in 0..<visible { row[j] = exponential(row[j] - maximum) }
                    let inverse = 1 / lanesDot(row, nil, visible)
                    for j in 0..<visible { row[j] *= inverse }
                    for j in visible..<t { row[j] = 0 }
                }
                sgemm(transA: false, transB: false, m: r1 - r0, n: hd, k: keys, alpha: 1,
                      a: p + r0 * t, lda: t, b: v + inOffset, ldb: ld, beta: 0, c: out + outOffset + r0 * c, ldc: c)
            }
        }
    }
}

/// Floats of scratch `attentionBackward` needs: one `length²` block per possible thread (fixed,
/// so buffer sizes do not depend on the thread count in force).
func attentionScratch(_ s: AttentionShape) -> Int { s.length * s.length * min(s.batch * s.heads, EngineThreads.pool.workers + 1) }

/// Accumulates the gradients of `attentionForward` into `dq`, `dk`, `dv` (each optional, row
/// stride `ld`). (example, head) pairs are split across threads; `scratch` holds
/// `attentionScratch` floats. Causal blocks skip the zero upper triangle of P and dS: query row
/// blocks see keys up to their last row, key column blocks see queries from their first row.
/// Masked keys have zero P and dS columns, so their dk and dv are zero.
/// `overwrite` writes the gradients instead (each element once; the buffers may be uninitialised).
func attentionBackward(
    dq: UnsafeMutablePointer<Float>?, dk: UnsafeMutablePointer<Float>?, dv: UnsafeMutablePointer<Float>?,
    dout: UnsafePointer<Float>, probs: UnsafePointer<Float>,
    q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
    scratch: UnsafeMutablePointer<Float>, shape s: AttentionShape, overwrite: Bool = false
) {
    let t = s.length, c = s.width, hd = s.headWidth, ld = s.ld, bs = s.blockRows
    let beta: Float = overwrite ? 0 : 1
    parallelParts(s.batch * s.heads, grain: 1) { part, pairs in
        let dp = scratch + part * t * t
        for pair in pairs {
            let example = pair / s.heads, head = pair % s.heads
            let inOffset = example * t * ld + head * hd, outOffset = example * t * c + head * hd
            let p = probs + pair * t * t, real = s.keys(of: example)
            // Column block [c0, c1) of P or dS is zero above row c0 when causal.
            func columnBlocks(_ body: (_ c0: Int, _ c1: Int, _ firstRow: Int) -> Void) {
                for block in 0..<s.blocks {
                    let c0 = block * bs, c1 = min(t, c0 + bs)
                    body(c0, c1, s.causal ? c0 : 0)
                }
            }
            if let dv {
                columnBlocks { c0, c1, first in
                    sgemm(transA: true, transB: false, m: c1 - c0, n: hd, k: t - first, alpha: 1,
                          a: p + first * t + c0, lda: t, b: dout + outOffset + first * c, ldb: c,
                          beta: beta, c: dv + inOffset + c0 * ld, ldc: ld)
                }
            }
            guard dq != nil || dk != nil else { continue }
            for block in 0..<s.blocks {
                let r0 = block * bs, r1 = min(t, r0 + bs), keys = s.causal ? r1 : real
                sgemm(transA: false, transB: true, m: r1 - r0, n: keys, k: hd, alpha: 1,
                      a: dout + outOffset + r0 * c, lda: c, b: v + inOffset, ldb: ld, beta: 0, c: dp + r0 * t, ldc: t)
                for i in r0..<r1 {
                    let pr = p + i * t, dr = dp + i * t
                    let visible = s.causal ? i + 1 : real
                    let dot = lanesDot(pr, dr, visible)
                    for j in 0..<visible { dr[j] = pr[j] * (dr[j] - dot) }
                    for j in visible..<t { dr[j] = 0 }
                }
                if let dq {
                    sgemm(transA: false, transB: false, m: r1 - r0, n: hd, k: keys, alpha: s.scale,
                          a: dp + r0 * t, lda: t, b: k + inOffset, ldb: ld, beta: beta, c: dq + inOffset + r0 * ld, ldc: ld)
                }
            }
            if let dk {
                columnBlocks { c0, c1, first in
                    sgemm(transA: true, transB: false, m: c1 - c0, n: hd, k: t - first, alpha: s.scale,
                          a: dp + first * t + c0, lda: t, b: q + inOffset + first * ld, ldb: ld,
                          beta: beta, c: dk + inOffset + c0 * ld, ldc: ld)
                }
            }
        }
    }
}
