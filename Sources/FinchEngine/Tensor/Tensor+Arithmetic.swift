/// Eager (untaped) arithmetic on tensors, with NumPy broadcasting.
extension Tensor {
    /// The shape two shapes broadcast to (trailing dimensions aligned; 1 stretches).
    public static func broadcastShape(_ a: [Int], _ b: [Int]) throws(TensorError) -> [Int] {
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in 0..<rank {
            let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            guard da == db || da == 1 || db == 1 else { throw .notBroadcastable(a, b) }
            result[i] = da == 1 ? db : da
        }
        return result
    }

    /// A view of this tensor stretched to `target` (zero strides on broadcast axes).
    func broadcast(to target: [Int]) -> Tensor {
        var view = self
        let pad = target.count - rank
        view.shape = target
        view.strides = (0..<target.count).map { i in
            if i < pad { return 0 }
            return shape[i - pad] == 1 && target[i] != 1 ? 0 : strides[i - pad]
        }
        return view
    }

    /// Elementwise `combine(a, b)` after broadcasting both operands to a common shape.
    public func zipWith(_ other: Tensor, _ combine: (Float, Float) -> Float) throws(TensorError) -> Tensor {
        let shape = try Tensor.broadcastShape(self.shape, other.shape)
        let a = broadcast(to: shape), b = other.broadcast(to: shape)
        var result = Tensor(uncheckedZeros: shape)
        var left = [Float](); left.reserveCapacity(result.count)
        a.forEachIndex { left.append(a.storage.pointer[$0]) }
        var i = 0
        let out = result.basePointer
        b.forEachIndex { out[i] = combine(left[i], b.storage.pointer[$0]); i += 1 }
        result.offset = 0
        return result
    }

    /// Elementwise `transform(x)`.
    public func map(_ transform: (Float) -> Float) -> Tensor {
        let dense = contiguous()
        let result = Tensor(uncheckedZeros: shape)
        let source = dense.storage.pointer + dense.offset, out = result.basePointer
        for i in 0..<count { out[i] = transform(source[i]) }
        return result
    }

    /// Sum of all elements (accumulated in Double).
    public func sum() -> Float {
        var total: Double = 0
        forEachIndex { total += Double(storage.pointer[$0]) }
        return Float(total)
    }

    /// Mean of all elements.
    public func mean() -> Float { count == 0 ? 0 : sum() / Float(count) }

    /// Index of the largest element of each row along the last axis: shape `shape.dropLast()`.
    public func argmaxLastAxis() -> [Int] {
        let dense = contiguous()
        let width = shape.last ?? 1
        let rows = width == 0 ? 0 : count / width
        let p = dense.storage.pointer + dense.offset
        return (0..<rows).map { row in
            var best = 0
            for j in 1..<max(width, 1) where p[row * width + j] > p[row * width + best] { best = j }
            return best
        }
    }

    /// Elementwise sum with broadcasting.
    public static func + (a: Tensor, b: Tensor) throws(TensorError) -> Tensor { try a.zipWith(b, +) }
    /// Elementwise difference with broadcasting.
    public static func - (a: Tensor, b: Tensor) throws(TensorError) -> Tensor { try a.zipWith(b, -) }
    /// Elementwise product with broadcasting.
    public static func * (a: Tensor, b: Tensor) throws(TensorError) -> Tensor { try a.zipWith(b, *) }
    /// Elementwise quotient with broadcasting.
    public static func / (a: Tensor, b: Tensor) throws(TensorError) -> Tensor { try a.zipWith(b, /) }
}

extension Tensor {
    /// Matrix product over the last two axes, batched over leading axes (which broadcast).
    /// `[…, m, k] · […, k, n] → […, m, n]`. Transposed views are passed to BLAS without copying.
    public func matmul(_ other: Tensor) throws(TensorError) -> Tensor {
        guard rank >= 2, other.rank >= 2, shape[rank - 1] == other.shape[other.rank - 2] else {
            throw .matmulMismatch(shape, other.shape)
        }
        let m = shape[rank - 2], k = shape[rank - 1], n = other.shape[other.rank - 1]
        let batchShape = try Tensor.broadcastShape(Array(shape.dropLast(2)), Array(other.shape.dropLast(2)))
        let a = Tensor.blasOperand(self, batch: batchShape), b = Tensor.blasOperand(other, batch: batchShape)
        let result = Tensor(uncheckedZeros: batchShape + [m, n])
        let batches = batchShape.reduce(1, *)
        for batch in 0..<batches {
            let aOffset = Tensor.batchOffset(batch, batchShape: batchShape, strides: a.tensor.strides)
            let bOffset = Tensor.batchOffset(batch, batchShape: batchShape, strides: b.tensor.strides)
            sgemm(transA: a.transposed, transB: b.transposed, m: m, n: n, k: k, alpha: 1,
                  a: a.tensor.storage.pointer + a.tensor.offset + aOffset, lda: a.leading,
                  b: b.tensor.storage.pointer + b.tensor.offset + bOffset, ldb: b.leading,
                  beta: 0, c: result.basePointer + batch * m * n, ldc: n)
        }
        return result
    }

    /// A tensor broadcast to `batch + last two dims` whose last two axes BLAS can read directly,
    /// with the matching transpose flag and leading dimension.
    private static func blasOperand(_ t: Tensor, batch: [Int]) -> (tensor: Tensor, transposed: Bool, leading: Int) {
        let rows = t.shape[t.rank - 2], cols = t.shape[t.rank - 1]
        let rowStride = t.strides[t.rank - 2], colStride = t.strides[t.rank - 1]
        let stretched = t.broadcast(to: batch + [rows, cols])
        if colStride == 1 && rowStride >= max(cols, 1) { return (stretched, false, rowStride) }
        if rowStride == 1 && colStride >= max(rows, 1) { return (stretched, true, colStride) }
        let dense = t.contiguous().broadcast(to: batch + [rows, cols])
        return (dense, false, cols)
    }

    private static func batchOffset(_ batch: Int, batchShape: [Int], strides: [Int]) -> Int {
        var remaining = batch, offset = 0
        for axis in stride(from: batchShape.count - 1, through: 0, by: -1) {
            offset += (remaining % batchShape[axis]) * strides[axis]
            remaining /= batchShape[axis]
        }
        return offset
    }
}
