/// An n-dimensional array of `Float`s: a shape, strides and an offset into shared storage.
///
/// Reshape (of contiguous tensors), transpose and slicing are views that share storage; any
/// mutation copies first if the storage is shared (copy-on-write). Row-major ("C") order.
public struct Tensor {
    /// Extent of each dimension, outermost first.
    public internal(set) var shape: [Int]
    /// Elements to skip to move one step along each dimension.
    public internal(set) var strides: [Int]
    /// Index in `storage` of the element at all-zero indices.
    var offset: Int
    private(set) var storage: TensorStorage

    /// A tensor of `shape` filled with zeros.
    public init(zeros shape: [Int]) throws(TensorError) {
        guard shape.allSatisfy({ $0 >= 0 }) else { throw .negativeDimension(shape) }
        self.init(uncheckedZeros: shape)
    }

    /// A tensor of `shape` whose elements, in row-major order, are `values`.
    public init(shape: [Int], values: [Float]) throws(TensorError) {
        guard shape.allSatisfy({ $0 >= 0 }) else { throw .negativeDimension(shape) }
        guard shape.reduce(1, *) == values.count else { throw .countMismatch(shape: shape, count: values.count) }
        self.init(uncheckedZeros: shape)
        values.withUnsafeBufferPointer { storage.pointer.update(from: $0.baseAddress!, count: values.count) }
    }

    /// A rank-0 tensor holding `value`.
    public init(scalar value: Float) {
        self.init(uncheckedZeros: [])
        storage.pointer[0] = value
    }

    /// A tensor of `shape` with elements drawn from N(0, std²).
    public init(normal shape: [Int], std: Float, generator: inout Xoshiro) throws(TensorError) {
        try self.init(zeros: shape)
        for i in 0..<count { storage.pointer[i] = generator.nextNormal() * std }
    }

    /// A tensor of `shape` with elements drawn uniformly from `[low, high)`.
    public init(uniform shape: [Int], low: Float, high: Float, generator: inout Xoshiro) throws(TensorError) {
        try self.init(zeros: shape)
        for i in 0..<count { storage.pointer[i] = low + (high - low) * generator.nextUniform() }
    }

    init(uncheckedZeros shape: [Int]) {
        self.shape = shape
        self.strides = Tensor.contiguousStrides(shape)
        self.offset = 0
        self.storage = TensorStorage(zeros: shape.reduce(1, *))
    }

    private init(shape: [Int], strides: [Int], offset: Int, storage: TensorStorage) {
        self.shape = shape
        self.strides = strides
        self.offset = offset
        self.storage = storage
    }

    /// Row-major strides for `shape`.
    static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = running
            running *= shape[axis]
        }
        return strides
    }

    /// Number of dimensions.
    public var rank: Int { shape.count }
    /// Number of elements.
    public var count: Int { shape.reduce(1, *) }
    /// Whether elements are laid out densely in row-major order (so `pointer` walks them in order).
    public var isContiguous: Bool { strides == Tensor.contiguousStrides(shape) }

    /// The elements in row-major order.
    public var scalars: [Float] {
        let dense = contiguous()
        return Array(UnsafeBufferPointer(start: dense.storage.pointer + dense.offset, count: count))
    }

    /// The element at `indices` (one per dimension).
    public subscript(_ indices: Int...) -> Float {
        get { storage.pointer[elementIndex(indices)] }
        set {
            makeUnique()
            storage.pointer[elementIndex(indices)] = newValue
        }
    }

    private func elementIndex(_ indices: [Int]) -> Int {
        precondition(indices.count == rank, "expected \(rank) indices, got \(indices.count)")
        var index = offset
        for axis in 0..<rank {
            precondition(indices[axis] >= 0 && indices[axis] < shape[axis], "index \(indices[axis]) out of range for axis \(axis)")
            index += indices[axis] * strides[axis]
        }
        return index
    }

    /// A dense row-major copy, or `self` when already dense.
    public func contiguous() -> Tensor {
        if isContiguous { return self }
        var result = Tensor(uncheckedZeros: shape)
        let destination = result.storage.pointer
        var written = 0
        forEachIndex { source in
            destination[written] = storage.pointer[source]
            written += 1
        }
        result.offset = 0
        return result
    }

    /// Calls `body` with the storage index of every element, in row-major order.
    func forEachIndex(_ body: (Int) -> Void) {
        let n = count
        if n == 0 { return }
        var position = [Int](repeating: 0, count: rank)
        var index = offset
        for _ in 0..<n {
            body(index)
            var axis = rank - 1
            while axis >= 0 {
                position[axis] += 1
                index += strides[axis]
                if position[axis] < shape[axis] { break }
                index -= strides[axis] * shape[axis]
                position[axis] = 0
                axis -= 1
            }
        }
    }

    /// The same elements viewed with a new shape; one dimension may be `-1` (inferred).
    /// A view when the tensor is contiguous, a copy otherwise.
    public func reshaped(_ newShape: [Int]) throws(TensorError) -> Tensor {
        var resolved = newShape
        if let hole = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != hole }.map(\.element).reduce(1, *)
            guard known > 0, count % known == 0 else { throw .reshapeMismatch(from: shape, to: newShape) }
            resolved[hole] = count / known
        }
        guard resolved.allSatisfy({ $0 >= 0 }), resolved.reduce(1, *) == count else {
            throw .reshapeMismatch(from: shape, to: newShape)
        }
        let dense = contiguous()
        return Tensor(shape: resolved, strides: Tensor.contiguousStrides(resolved), offset: dense.offset, storage: dense.storage)
    }

    /// A view with axes `a` and `b` swapped.
    public func transposed(_ a: Int = -2, _ b: Int = -1) throws(TensorError) -> Tensor {
        let i = a < 0 ? a + rank : a, j = b < 0 ? b + rank : b
        guard (0..<rank).contains(i) else { throw .badAxis(a, rank: rank) }
        guard (0..<rank).contains(j) else { throw .badAxis(b, rank: rank) }
        var view = self
        view.shape.swapAt(i, j)
        view.strides.swapAt(i, j)
        return view
    }

    /// A view of `range` along `axis`.
    public func sliced(axis: Int = 0, _ range: Range<Int>) throws(TensorError) -> Tensor {
        let i = axis < 0 ? axis + rank : axis
        guard (0..<rank).contains(i) else { throw .badAxis(axis, rank: rank) }
        guard range.lowerBound >= 0, range.upperBound <= shape[i] else {
            throw .badRange(lower: range.lowerBound, upper: range.upperBound, extent: shape[i])
        }
        var view = self
        view.offset += range.lowerBound * strides[i]
        view.shape[i] = range.count
        return view
    }

    /// Makes the storage unique and dense, so `withUnsafeMutablePointer` may write in place.
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) || !isContiguous || offset != 0 || storage.count != count {
            let dense = contiguous()
            let copy = TensorStorage(copying: dense.storage.pointer + dense.offset, count: count)
            storage = copy
            offset = 0
            strides = Tensor.contiguousStrides(shape)
        }
    }

    /// For a tensor known to be dense: copies the storage only if it is shared (no other checks).
    mutating func ensureUniqueDenseStorage() {
        if !isKnownUniquelyReferenced(&storage) { makeUnique() }
    }

    /// Calls `body` with a pointer to the dense row-major elements (copying first if needed).
    public func withUnsafePointer<R, E: Error>(_ body: (UnsafePointer<Float>) throws(E) -> R) throws(E) -> R {
        let dense = contiguous()
        return try body(dense.storage.pointer + dense.offset)
    }

    /// Calls `body` with a writable pointer to the dense row-major elements of this tensor alone.
    public mutating func withUnsafeMutablePointer<R>(_ body: (UnsafeMutablePointer<Float>) throws -> R) rethrows -> R {
        makeUnique()
        return try body(storage.pointer)
    }

    /// Pointer to the dense elements of a tensor known to be unique and dense (parameters).
    var basePointer: UnsafeMutablePointer<Float> { storage.pointer + offset }
}

extension Tensor: Equatable {
    /// Equal shapes and equal elements.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        lhs.shape == rhs.shape && lhs.scalars == rhs.scalars
    }
}

extension Tensor: CustomStringConvertible {
    /// Shape and up to the first eight elements.
    public var description: String {
        let values = scalars
        let shown = values.prefix(8).map { String($0) }.joined(separator: ", ")
        return "Tensor(shape: \(shape), [\(shown)\(values.count > 8 ? ", …" : "")])"
    }
}
