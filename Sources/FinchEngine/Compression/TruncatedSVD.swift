import COpenBLAS

/// The best rank-r approximation of a matrix (Eckart–Young) by LAPACK's `sgesdd`, which OpenBLAS
/// provides: `W ≈ up · down` with `up = V_r·√Σ_r` `[outputs, r]` and `down = √Σ_r·U_rᵀ`
/// `[r, inputs]`, the singular values split evenly between the factors.
struct TruncatedSVD {
    /// `[rank, inputs]`.
    let down: Tensor
    /// `[outputs, rank]`.
    let up: Tensor
    /// Every singular value of the matrix, largest first.
    let singularValues: [Float]

    /// The factors of `weight` `[outputs, inputs]` at `rank` (1…min(outputs, inputs)); nil with
    /// LAPACK's error code when the decomposition fails.
    init(_ weight: Tensor, rank: Int) throws(SVDFailure) {
        let outputs = weight.shape[0], inputs = weight.shape[1], smaller = min(outputs, inputs)
        // Row-major W [outputs, inputs] is column-major Wᵀ [inputs, outputs]: m = inputs, n = outputs.
        var a = weight.contiguous().scalars
        var m = Int32(inputs), n = Int32(outputs), lda = Int32(inputs), ldu = Int32(inputs), ldvt = Int32(smaller)
        var s = [Float](repeating: 0, count: smaller)
        var u = [Float](repeating: 0, count: inputs * smaller), vt = [Float](repeating: 0, count: smaller * outputs)
        var iwork = [Int32](repeating: 0, count: 8 * smaller)
        var info: Int32 = 0, query: Int32 = -1, size: Float = 0
        var job = Int8(UInt8(ascii: "S"))
        BLASKernels.ready()
        sgesdd_(&job, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &size, &query, &iwork, &info)
        guard info == 0 else { throw SVDFailure(info: Int(info)) }
        var lwork = Int32(size)
        var work = [Float](repeating: 0, count: max(1, Int(lwork)))
        sgesdd_(&job, &m, &n, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info)
        guard info == 0 else { throw SVDFailure(info: Int(info)) }
        // Wᵀ = U·Σ·Vᵀ, so W[o, i] = Σⱼ Vᵀ[j, o]·sⱼ·U[i, j].
        let roots = s.prefix(rank).map { $0.squareRoot() }
        var upValues = [Float](repeating: 0, count: outputs * rank), downValues = [Float](repeating: 0, count: rank * inputs)
        for j in 0..<rank {
            for o in 0..<outputs { upValues[o * rank + j] = vt[j + o * smaller] * roots[j] }
            for i in 0..<inputs { downValues[j * inputs + i] = u[i + j * inputs] * roots[j] }
        }
        up = try! Tensor(shape: [outputs, rank], values: upValues)
        down = try! Tensor(shape: [rank, inputs], values: downValues)
        singularValues = s
    }
}

/// LAPACK's error code of a failed decomposition.
struct SVDFailure: Error {
    /// `info`: negative for a bad argument, positive when the iteration did not converge.
    let info: Int
}

/// Low-rank factorisation of Dense layers.
extension Model {
    /// A copy in which every Dense layer whose path matches one of `patterns` (nil: every Dense
    /// layer of the body, before the head) becomes two of `rank` (``LowRankDense``), by truncated SVD
    /// of its weight. Refuses a rank below 1 or above a matched layer's smaller width; this
    /// model is left unchanged.
    public func factorized(rank: Int, matching patterns: [String]? = nil) throws(CompressionError) -> Model {
        guard !isQuantized else { throw .alreadyQuantized }
        let headNames = Set(plan.entries[head.firstLayer...].map(\.name))
        let matchers = patterns?.map(NamePattern.init)
        let chosen = linearLayers.filter { path, layer in
            guard layer is Dense else { return false }
            if let matchers { return matchers.contains { $0.matches(path) } }
            return !headNames.contains(path) && !headNames.contains(where: { path.hasPrefix($0 + ".") })
        }
        guard !chosen.isEmpty else { throw .nothingToCompress("factorise" + (patterns.map { " matching \($0.joined(separator: ", "))" } ?? "")) }
        for (path, layer) in chosen where rank < 1 || rank > min(layer.inputs, layer.outputs) {
            throw .rank(rank, path: path, largest: min(layer.inputs, layer.outputs))
        }
        let copy = try replica()
        for (path, _) in chosen {
            guard let dense = copy.linearLayers.first(where: { $0.name == path })?.layer as? Dense else { continue }
            let factors: TruncatedSVD
            do { factors = try TruncatedSVD(dense.weight.value, rank: rank) } catch { throw .decomposition(path: path, info: error.info) }
            do { try copy.replaceLayer(at: path, with: LowRankDense(down: factors.down, up: factors.up, bias: dense.bias.map(\.value))) } catch {
                throw .model(error)
            }
        }
        return copy
    }
}
