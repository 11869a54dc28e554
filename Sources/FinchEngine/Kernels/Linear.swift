/// out[rows, outputs] = x[rows, inputs] · w[outputs, inputs]ᵀ + b[outputs]; then
/// `epilogue(rows)` on each block of finished rows (on the thread that computed them).
func linearForward(
    _ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ w: UnsafePointer<Float>, _ b: UnsafePointer<Float>?,
    rows: Int, inputs: Int, outputs: Int, epilogue: ((Range<Int>) -> Void)? = nil
) {
    let finish: ((Range<Int>) -> Void)?
    if let b {
        finish = { block in
            for r in block {
                let row = out + r * outputs
                for j in 0..<outputs { row[j] += b[j] }
            }
            epilogue?(block)
        }
    } else {
        finish = epilogue
    }
    sgemmParallel(transA: false, transB: true, m: rows, n: outputs, k: inputs, alpha: 1,
                  a: x, lda: inputs, b: w, ldb: inputs, beta: 0, c: out, ldc: outputs, rowsDone: finish)
}

/// Accumulates the gradients of `linearForward`: dx += dout·w, dw += doutᵀ·x, db += Σ_rows dout.
/// Any of `dx`, `dw`, `db` may be nil (input or parameter needs no gradient). `overwriteDx`
/// writes dx = dout·w instead (dx may then be uninitialised).
func linearBackward(
    dx: UnsafeMutablePointer<Float>?, dw: UnsafeMutablePointer<Float>?, db: UnsafeMutablePointer<Float>?,
    dout: UnsafePointer<Float>, x: UnsafePointer<Float>, w: UnsafePointer<Float>,
    rows: Int, inputs: Int, outputs: Int, overwriteDx: Bool = false
) {
    func inputGradient() {
        guard let dx else { return }
        sgemmParallel(transA: false, transB: false, m: rows, n: inputs, k: outputs, alpha: 1,
                      a: dout, lda: outputs, b: w, ldb: inputs, beta: overwriteDx ? 0 : 1, c: dx, ldc: inputs)
    }
    func weightGradient() {
        guard let dw else { return }
        sgemmParallel(transA: true, transB: false, m: outputs, n: inputs, k: rows, alpha: 1,
                      a: dout, lda: outputs, b: x, ldb: inputs, beta: 1, c: dw, ldc: inputs)
    }
    // The two products have the same size: with two threads each runs whole on its own core
    // (a product inside a parallel region is not split), which packs each operand once instead
    // of once per row block.
    if dx != nil, dw != nil, EngineThreads.count == 2, rows * inputs * outputs >= 1 << 18 {
        parallelParts(2, grain: 1) { _, parts in
            for part in parts { part == 0 ? inputGradient() : weightGradient() }
        }
    } else {
        inputGradient()
        weightGradient()
    }
    if let db {
        for r in 0..<rows {
            let row = dout + r * outputs
            for j in 0..<outputs { db[j] += row[j] }
        }
    }
}
