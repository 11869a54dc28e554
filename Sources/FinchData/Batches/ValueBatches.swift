import FinchEngine

/// Regression batches: the feature rows of a data set with numeric targets, one value target
/// (`[batch, 1]`) per row, in seeded shuffled epochs.
public struct ValueBatches: BatchMaker {
    /// Examples per batch: the requested size, or the data set's size if that is smaller.
    public let batchSize: Int
    private let values: [Float]
    private let width: Int
    private let targets: [Float]
    private var order: EpochOrder

    /// Batches of the feature rows and targets of `dataset`, shuffled with `seed`.
    public init(dataset: Dataset, batch: Int, seed: UInt64) throws(DataError) {
        try requirePositive(batch, "the batch size")
        guard case let .features(values, width) = dataset.inputs else { throw .wrongInputs(name: dataset.name, needs: "feature rows") }
        targets = try dataset.requireTargets(for: "used to train a regressor")
        self.values = values
        self.width = width
        batchSize = min(batch, dataset.count)
        order = EpochOrder(count: dataset.count, generator: Xoshiro(seed: seed))
    }

    /// Passes over the examples so far.
    public var epochs: Double { order.epochs }

    /// The next `batchSize` examples of the current epoch (continuing into the next one).
    public mutating func next() -> Batch {
        batch(order.next(batchSize))
    }

    /// Every example in order, `batchSize` at a time, at most `limit` batches.
    public func evaluationBatches(limit: Int) -> [Batch] {
        evaluationGroups(count: targets.count, batchSize: batchSize, limit: limit).map(batch)
    }

    /// The examples at `rows` and their targets.
    private func batch(_ rows: [Int]) -> Batch {
        let picked = filledTensor(rows: rows.count, width: 1) { out in
            for (row, index) in rows.enumerated() { out[row] = targets[index] }
        }
        return Batch(input: .features(copyRows(rows, of: values, width: width)), targets: .values(picked))
    }
}
