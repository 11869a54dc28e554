import COpenBLAS
import Glibc

/// Row-major single-precision matrix product through OpenBLAS:
/// `C[m,n] = alpha · op(A)[m,k] · op(B)[k,n] + beta · C`, where `op(X)` is `Xᵀ` when `transX`.
/// Leading dimensions are row strides of the stored (untransposed) matrices.
/// `profiled: false` leaves it out of `GemmProfiler` (the caller accounts for it).
@inline(__always)
func sgemm(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int, profiled: Bool = true
) {
    guard m > 0, n > 0 else { return }
    let profiling = profiled && GemmProfiler.enabled
    let start = profiling ? GemmProfiler.nanoseconds() : 0
    BLASKernels.ready()
    cblas_sgemm(
        CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
        blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    if profiling { GemmProfiler.record(since: start, m: m, n: n, k: k) }
}

/// Row-major matrix-vector product through OpenBLAS: `y[m] = A[m,n]·x[n] + beta · y`, A with
/// row stride `lda` (one row of a linear layer's input against its `[outputs, inputs]` weight).
@inline(__always)
func sgemv(m: Int, n: Int, a: UnsafePointer<Float>, lda: Int, x: UnsafePointer<Float>, beta: Float,
           y: UnsafeMutablePointer<Float>) {
    guard m > 0 else { return }
    BLASKernels.ready()
    cblas_sgemv(CblasRowMajor, CblasNoTrans, blasint(m), blasint(n), 1, a, blasint(lda), x, 1, beta, y, 1)
}

/// `sgemm` split by rows of C across the engine's threads, each part a single-threaded OpenBLAS
/// call (small products run whole). Every element of C is computed by the same kernel over the
/// same k order whatever the split: parts start at multiples of `gemmRowAlignment` rows, so each
/// row falls in the same OpenBLAS row tile as in the whole product (a tile's edge kernels round
/// differently). `rowsDone(rows)` runs on the thread that computed those rows of C, right after
/// them (an epilogue while they are in cache; it must touch only those rows).
func sgemmParallel(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int, rowsDone: ((Range<Int>) -> Void)? = nil
) {
    // Inside a parallel region the product runs whole on its thread: a split would only run its
    // parts one after another there, packing the shared operand once per part.
    let splits = EngineThreads.count > 1 && m * n * k >= 1 << 18 && !EngineThreads.pool.isRunning
    let parts = splits ? min(EngineThreads.count, m / gemmRowAlignment) : 1
    guard parts > 1 else {
        sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
              beta: beta, c: c, ldc: ldc)
        rowsDone?(0..<m)
        return
    }
    let profiling = GemmProfiler.enabled
    let start = profiling ? GemmProfiler.nanoseconds() : 0
    // Rounded down to the alignment; parts ≤ m / alignment, so no part is left empty.
    func firstRow(_ part: Int) -> Int { part == parts ? m : part * m / parts / gemmRowAlignment * gemmRowAlignment }
    parallelParts(parts, grain: 1) { _, range in
        for part in range {
            let rows = firstRow(part)..<firstRow(part + 1)
            sgemm(transA: transA, transB: transB, m: rows.count, n: n, k: k, alpha: alpha,
                  a: transA ? a + rows.lowerBound : a + rows.lowerBound * lda, lda: lda, b: b, ldb: ldb,
                  beta: beta, c: c + rows.lowerBound * ldc, ldc: ldc, profiled: false)
            rowsDone?(rows)
        }
    }
    if profiling { GemmProfiler.record(since: start, m: m, n: n, k: k) }
}

/// Rows of C at which `sgemmParallel` may split a product: a multiple of the row tiles of
/// OpenBLAS's kernels, which compute a tile's edge rows with other kernels. Measured with
/// ProductOracleTests: with the Haswell kernels (``BLASKernels``) splits at 16 or 32 rows changed
/// the results and splits at 24 or 48 did not; the Prescott, Sandybridge, SkylakeX and
/// Cooperlake kernels keep them at 48 too.
let gemmRowAlignment = 48

/// The reference for `sgemm`: the same contract as three plain loops (test oracle only).
func sgemmNaive(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
) {
    for i in 0..<m {
        for j in 0..<n {
            var sum: Float = 0
            for p in 0..<k {
                let av = transA ? a[p * lda + i] : a[i * lda + p]
                let bv = transB ? b[j * ldb + p] : b[p * ldb + j]
                sum += av * bv
            }
            c[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * c[i * ldc + j])
        }
    }
}

/// Thread control for the BLAS library.
public enum BLAS {
    /// Sets how many threads OpenBLAS uses for each product.
    public static func setThreads(_ count: Int) { openblas_set_num_threads(Int32(max(1, count))) }
    /// How many threads OpenBLAS uses for each product.
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// GFLOP/s of `repeats` products `[m, k] · [k, n]` at the current thread count.
    public static func measureGemmRate(m: Int, n: Int, k: Int, repeats: Int) -> Double {
        let a = [Float](repeating: 0.5, count: m * k), b = [Float](repeating: 0.25, count: k * n)
        var c = [Float](repeating: 0, count: m * n)
        BLASKernels.ready()
        let start = GemmProfiler.now()
        for _ in 0..<repeats {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(m), blasint(n), blasint(k), 1, a, blasint(k),
                        b, blasint(n), 0, &c, blasint(n))
        }
        return 2 * Double(m * n * k) * Double(repeats) / (GemmProfiler.now() - start) / 1e9
    }
}
