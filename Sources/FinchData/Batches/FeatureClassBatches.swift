import FinchEngine

/// Classification of feature rows: batches of `[batch, width]` features with one class target
/// per row, in seeded shuffled epochs.
public struct FeatureClassBatches: BatchMaker {
    /// Features per row.
    public let width: Int
    /// Rows per batch: the requested size, or the data set's size if that is smaller.
    public let batchSize: Int
    private let values: [Float]
    private let labels: [Int32]
    private var order: EpochOrder

    /// Batches of the labeled rows of `dataset`, shuffled with `seed`.
    public init(dataset: Dataset, batch: Int, seed: UInt64) throws(DataError) {
        try requirePositive(batch, "the batch size")
        guard case let .features(values, width) = dataset.inputs else { throw .wrongInputs(name: dataset.name, needs: "feature rows") }
        labels = try dataset.requireLabels(for: "used to train a classifier").map { Int32($0) }
        self.values = values
        self.width = width
        batchSize = min(batch, dataset.count)
        order = EpochOrder(count: dataset.count, generator: Xoshiro(seed: seed))
    }

    /// Passes over the rows so far.
    public var epochs: Double { order.epochs }

    /// The next `batchSize` rows of the current epoch (continuing into the next one).
    public mutating func next() -> Batch {
        batch(order.next(batchSize))
    }

    /// Every row in order, `batchSize` at a time, at most `limit` batches.
    public func evaluationBatches(limit: Int) -> [Batch] {
        evaluationGroups(count: labels.count, batchSize: batchSize, limit: limit).map(batch)
    }

    /// The rows at `rows` and their labels.
    private func batch(_ rows: [Int]) -> Batch {
        let input = copyRows(rows, of: values, width: width)
        return Batch(input: .features(input), targets: .classes(rows.map { labels[$0] }))
    }
}

/// A `[rows.count, width]` tensor of the rows at `rows` of the row-major `values`.
func copyRows(_ rows: [Int], of values: [Float], width: Int) -> Tensor {
    values.withUnsafeBufferPointer { source in
        filledTensor(rows: rows.count, width: width) { out in
            for (row, index) in rows.enumerated() { (out + row * width).update(from: source.baseAddress! + index * width, count: width) }
        }
    }
}
