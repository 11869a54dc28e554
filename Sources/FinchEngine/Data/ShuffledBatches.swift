/// Mini-batches drawn from a fixed set of examples, reshuffled every epoch.
///
/// `batch(at:)` depends only on the step and the seed (each epoch's order comes from
/// `Xoshiro(seed + epoch)`), so a run can be resumed or replayed exactly. Feature examples
/// are rows of a `[examples, width]` tensor; token examples are rows of `length` ids.
public struct ShuffledBatches {
    private enum Inputs {
        case features(Tensor)
        case tokens([Int32], length: Int)
    }

    private let inputs: Inputs
    private let labels: [Int32]
    /// Examples per batch.
    public let batchSize: Int
    /// Seed of the per-epoch orders.
    public let seed: UInt64
    /// Number of examples.
    public let count: Int

    /// Batches of rows of `features` `[examples, width]` with one class label per row.
    public init(features: Tensor, labels: [Int32], batchSize: Int, seed: UInt64) throws(BatchError) {
        guard features.rank == 2, features.shape[0] > 0 else { throw .inputShape(expected: [-1, -1], got: features.shape) }
        guard labels.count == features.shape[0] else { throw .targetCount(expected: features.shape[0], got: labels.count) }
        self.init(inputs: .features(features.contiguous()), labels: labels, count: features.shape[0], batchSize: batchSize, seed: seed)
    }

    /// Batches of token sequences (`tokens` holds `labels.count` rows of `length` ids), one class
    /// label per sequence.
    public init(tokens: [Int32], length: Int, labels: [Int32], batchSize: Int, seed: UInt64) throws(BatchError) {
        guard length > 0, !labels.isEmpty else { throw .empty }
        guard tokens.count == labels.count * length else { throw .inputShape(expected: [labels.count, length], got: [tokens.count]) }
        self.init(inputs: .tokens(tokens, length: length), labels: labels, count: labels.count, batchSize: batchSize, seed: seed)
    }

    private init(inputs: Inputs, labels: [Int32], count: Int, batchSize: Int, seed: UInt64) {
        self.inputs = inputs
        self.labels = labels
        self.count = count
        self.batchSize = max(1, min(batchSize, count))
        self.seed = seed
    }

    /// Batches per epoch (the last partial batch of an epoch is dropped).
    public var batchesPerEpoch: Int { count / batchSize }

    /// The example indices of the batch trained at `step`.
    public func indices(at step: Int) -> [Int] {
        let epoch = step / batchesPerEpoch, position = step % batchesPerEpoch
        var generator = Xoshiro(seed: seed &+ UInt64(epoch))
        var order = Array(0..<count)
        generator.shuffle(&order)
        return Array(order[position * batchSize..<(position + 1) * batchSize])
    }

    /// The batch trained at `step`.
    public func batch(at step: Int) -> Batch {
        let chosen = indices(at: step)
        let targets = Targets.classes(chosen.map { labels[$0] })
        switch inputs {
        case let .features(tensor):
            let width = tensor.shape[1]
            var rows = Tensor(uncheckedZeros: [chosen.count, width])
            tensor.withUnsafePointer { source in
                rows.withUnsafeMutablePointer { destination in
                    for (row, example) in chosen.enumerated() {
                        (destination + row * width).update(from: source + example * width, count: width)
                    }
                }
            }
            return Batch(input: .features(rows), targets: targets)
        case let .tokens(ids, length):
            let rows = chosen.flatMap { ids[$0 * length..<($0 + 1) * length] }
            return Batch(input: .tokens(rows, batch: chosen.count, length: length), targets: targets)
        }
    }
}
