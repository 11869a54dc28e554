import FinchEngine

/// Classification batches that mix the current task's examples with replayed ones: each batch
/// holds `batchSize − replayed` examples of the task, in seeded shuffled epochs, and `replayed`
/// examples from a replay buffer, in epochs of their own.
public struct ReplayBatches: BatchMaker {
    /// Examples per batch, task and replayed together.
    public let batchSize: Int
    /// Replayed examples per batch.
    public let replayed: Int
    private let rows: ClassBatches
    private let taskCount: Int
    private var taskOrder: EpochOrder
    private var bufferOrder: EpochOrder

    /// Batches over `task` and `buffer` (the same kind of examples and classes), of `batch`
    /// examples of which the share `ratio` (in 0…1, rounded, at least one of each kind while
    /// the batch has room) comes from the buffer; texts are read with `tokenizer` to `context`.
    public init(task: Dataset, buffer: Dataset, ratio: Float, batch: Int, tokenizer: Tokenizer? = nil, context: Int = 1,
                seed: UInt64) throws(DataError) {
        try requirePositive(batch, "the batch size")
        try requireRate(ratio, "the replay ratio")
        let pool = try Dataset.concatenating([task, buffer], name: task.name + " with replay")
        rows = if let tokenizer {
            try ClassBatches(texts: pool, tokenizer: tokenizer, context: context, batch: batch, seed: seed)
        } else {
            try ClassBatches(features: pool, batch: batch, seed: seed)
        }
        batchSize = batch
        replayed = batch < 2 ? 0 : min(batch - 1, max(1, Int((Float(batch) * ratio).rounded())))
        taskCount = task.count
        var generator = Xoshiro(seed: seed ^ 0x5EED_0F_2E91A7)
        taskOrder = EpochOrder(count: task.count, generator: Xoshiro(seed: generator.next()))
        bufferOrder = EpochOrder(count: buffer.count, generator: Xoshiro(seed: generator.next()))
    }

    /// Passes over the current task's examples so far.
    public var epochs: Double { taskOrder.epochs }

    /// The next batch: task examples, then replayed ones.
    public mutating func next() -> Batch {
        rows.batch(taskOrder.next(batchSize - replayed) + bufferOrder.next(replayed).map { taskCount + $0 })
    }

    /// The current task's examples in order (the replayed ones are not evaluated).
    public func evaluationBatches(limit: Int) -> [Batch] {
        evaluationGroups(count: taskCount, batchSize: batchSize, limit: limit).map(rows.batch)
    }
}
