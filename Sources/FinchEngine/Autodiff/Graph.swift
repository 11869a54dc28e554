/// A handle to a value recorded on a `Graph` (valid until the graph is reset).
public struct Var: Hashable, Sendable {
    let index: Int
}

/// One recorded value: its buffer, its gradient buffer (once needed) and how it was made.
struct Node {
    var value: UnsafeMutablePointer<Float>
    var grad: UnsafeMutablePointer<Float>?
    var dims: Dims
    var op: Op
    var requiresGrad: Bool
}

/// The tape of one forward pass, replayed in reverse by `backward`.
///
/// Values, saved statistics and gradients live in an arena reused from step to step; parameter
/// leaves point straight at their parameter's storage and accumulate into its gradient. Values
/// that depend only on frozen parameters and data never get a gradient buffer, and ops skip the
/// gradient work for inputs that do not require one.
public final class Graph {
    var nodes: [Node] = []
    var floats = Arena<Float>()
    var indices = Arena<Int32>()
    /// Whether dropout is active (training) or the identity (evaluation).
    public var isTraining: Bool
    /// Whether ops record what backward needs; false for evaluation and prediction.
    public var recordsGradients: Bool
    /// Random numbers for dropout masks.
    public var generator: Xoshiro
    /// The real length of each sequence of the batch being recorded, when its rows are padded
    /// on the right (nil: every position is real). `Model.forward` sets it from its input;
    /// mean pooling and bidirectional attention layers pass it to their ops.
    public var sequenceLengths: [Int]?
    /// When not nil, every attention op appends a copy of its probabilities
    /// `[batch, heads, length, length]` here as it runs (``Model/attentionWeights(tokens:)``).
    var attentionTaps: [[Float]]?

    /// An empty graph.
    public init(seed: UInt64 = 0, isTraining: Bool = true, recordsGradients: Bool = true) {
        self.isTraining = isTraining
        self.recordsGradients = recordsGradients
        self.generator = Xoshiro(seed: seed)
        nodes.reserveCapacity(512)
    }

    deinit {
        floats.release()
        indices.release()
    }

    /// Forgets every recorded value and the sequence lengths; buffers are kept for the next pass.
    public func reset() {
        sequenceLengths = nil
        nodes.removeAll(keepingCapacity: true)
        floats.reset()
        indices.reset()
    }

    /// Most bytes the graph's buffers have held at once (activations, saved values, gradients).
    public var peakBytes: Int { floats.highWater * 4 + indices.highWater * 4 }

    /// Bytes held by the graph's arenas (blocks kept for reuse included).
    var reservedBytes: Int { floats.reservedBytes + indices.reservedBytes }

    /// The shape of `v`.
    public func shape(of v: Var) -> [Int] { nodes[v.index].dims.array }

    /// A copy of the value of `v`.
    public func value(of v: Var) -> Tensor {
        let node = nodes[v.index]
        let result = Tensor(uncheckedZeros: node.dims.array)
        result.basePointer.update(from: node.value, count: node.dims.count)
        return result
    }

    /// A copy of the gradient of `v` after `backward` (zeros if none reached it).
    public func gradient(of v: Var) -> Tensor {
        let node = nodes[v.index]
        let result = Tensor(uncheckedZeros: node.dims.array)
        if let grad = node.grad { result.basePointer.update(from: grad, count: node.dims.count) }
        return result
    }

    /// The single element of a one-element value (e.g. a loss).
    public func scalar(_ v: Var) -> Float { nodes[v.index].value[0] }

    // MARK: Leaves

    /// Records a copy of `tensor` as a constant input (no gradient).
    public func constant(_ tensor: Tensor) -> Var {
        let pointer = floats.allocate(tensor.count)
        tensor.withUnsafePointer { pointer.update(from: $0, count: tensor.count) }
        return append(Node(value: pointer, grad: nil, dims: Dims(tensor.shape), op: .leaf, requiresGrad: false))
    }

    /// Records a constant input of `shape` whose values `fill` writes into the graph's memory
    /// (no gradient): a value made on the fly, such as a dequantised weight, without a tensor.
    func constant(shape: [Int], fill: (UnsafeMutablePointer<Float>) -> Void) -> Var {
        let dims = Dims(shape)
        let pointer = floats.allocate(dims.count)
        fill(pointer)
        return append(Node(value: pointer, grad: nil, dims: dims, op: .leaf, requiresGrad: false))
    }

    /// Records `tensor` as an input whose gradient `backward` computes (for tests and probes).
    public func variable(_ tensor: Tensor) -> Var {
        let pointer = floats.allocate(tensor.count)
        tensor.withUnsafePointer { pointer.update(from: $0, count: tensor.count) }
        return append(Node(value: pointer, grad: nil, dims: Dims(tensor.shape), op: .leaf, requiresGrad: recordsGradients))
    }

    /// Records `parameter` (its first `rows` rows when given) as a leaf sharing its storage.
    /// Its gradient accumulates into `parameter.grad` unless the parameter is frozen.
    public func parameter(_ parameter: Parameter, rows: Int? = nil) -> Var {
        var shape = parameter.shape
        if let rows { shape[0] = rows }
        let requires = parameter.requiresGrad && recordsGradients
        return append(Node(
            value: parameter.valuePointer, grad: requires ? parameter.gradPointer : nil,
            dims: Dims(shape), op: .leaf, requiresGrad: requires))
    }

    /// Stores token ids (or class labels) for `embedding` and `crossEntropy`.
    func storeIndices(_ ids: UnsafeBufferPointer<Int32>) -> UnsafeMutablePointer<Int32> {
        let pointer = indices.allocate(ids.count)
        if let base = ids.baseAddress { pointer.update(from: base, count: ids.count) }
        return pointer
    }

    /// Stores the real `lengths` of a `[batch, length, …]` value's sequences for an op that
    /// masks the positions after them (nil stays nil: every position is real).
    func storeLengths(_ lengths: [Int]?, batch: Int, length: Int) -> UnsafeMutablePointer<Int32>? {
        guard let lengths else { return nil }
        precondition(lengths.count == batch && lengths.allSatisfy { (1...length).contains($0) },
                     "\(lengths.count) sequence lengths for \(batch) sequences of \(length)")
        let pointer = indices.allocate(batch)
        for (row, count) in lengths.enumerated() { pointer[row] = Int32(count) }
        return pointer
    }

    // MARK: Recording

    /// Appends a node computed by `op` from inputs `a`, `b`, `c` (−1 = unused), with a fresh
    /// value buffer of `dims`. The node requires a gradient when any input does.
    func record(_ op: Op, dims: Dims, _ a: Int, _ b: Int = -1, _ c: Int = -1, _ d: Int = -1) -> (Var, UnsafeMutablePointer<Float>) {
        let value = floats.allocate(dims.count)
        let requires = recordsGradients
            && (nodes[a].requiresGrad || (b >= 0 && nodes[b].requiresGrad) || (c >= 0 && nodes[c].requiresGrad)
                || (d >= 0 && nodes[d].requiresGrad))
        return (append(Node(value: value, grad: nil, dims: dims, op: requires ? op : .leaf, requiresGrad: requires)), value)
    }

    private func append(_ node: Node) -> Var {
        nodes.append(node)
        return Var(index: nodes.count - 1)
    }

    /// A zeroed scratch or saved buffer living until the next reset.
    func scratch(_ count: Int) -> UnsafeMutablePointer<Float> {
        let pointer = floats.allocate(count)
        zero(pointer, count: count)
        return pointer
    }

    /// The gradient buffer of node `i`, allocated zeroed on first use.
    func grad(_ i: Int) -> UnsafeMutablePointer<Float> {
        if let grad = nodes[i].grad { return grad }
        let grad = scratch(nodes[i].dims.count)
        nodes[i].grad = grad
        return grad
    }

    /// The gradient buffer of node `i` and whether it is new: a new buffer is left uninitialised,
    /// and the caller must then write (not accumulate) every element of it.
    func gradForWriting(_ i: Int) -> (UnsafeMutablePointer<Float>, fresh: Bool) {
        if let grad = nodes[i].grad { return (grad, false) }
        let grad = floats.allocate(nodes[i].dims.count)
        nodes[i].grad = grad
        return (grad, true)
    }
}
