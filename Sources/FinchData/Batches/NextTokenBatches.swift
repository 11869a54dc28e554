import FinchEngine

/// Next-token prediction on one long token stream: random windows of `context + 1` tokens give
/// inputs `[batch, context]` and targets `[batch · context]`, the token after each position.
public struct NextTokenBatches: BatchMaker {
    /// The token ids windows are cut from.
    public let stream: [Int32]
    /// Positions per sequence.
    public let context: Int
    /// Sequences per batch.
    public let batchSize: Int
    private var generator: Xoshiro
    private var windows = 0

    /// Batches of `batch` windows from `stream`, at starts drawn with `seed`.
    public init(stream: [Int32], context: Int, batch: Int, seed: UInt64) throws(DataError) {
        try requirePositive(context, "the context")
        try requirePositive(batch, "the batch size")
        guard stream.count >= context + 1 else { throw .streamTooShort(tokens: stream.count, window: context + 1) }
        self.stream = stream
        self.context = context
        batchSize = batch
        generator = Xoshiro(seed: seed)
    }

    /// Tokens predicted so far over the stream's length.
    public var epochs: Double { Double(windows * context) / Double(stream.count) }

    /// `batchSize` windows at random starts.
    public mutating func next() -> Batch {
        let starts = (0..<batchSize).map { _ in generator.nextInt(below: stream.count - context) }
        windows += batchSize
        return batch(startingAt: starts)
    }

    /// Up to `limit · batchSize` windows spread evenly over the stream, non-overlapping when
    /// the stream is long enough.
    public func evaluationBatches(limit: Int) -> [Batch] {
        evaluationWindows(length: stream.count, window: context + 1, advance: context, batchSize: batchSize, limit: limit)
            .map(batch(startingAt:))
    }

    /// Inputs and next-token targets for windows at `starts`.
    private func batch(startingAt starts: [Int]) -> Batch {
        let count = starts.count * context
        let (inputs, targets): ([Int32], [Int32]) = stream.withUnsafeBufferPointer { tokens in
            (filledArray(count: count) { out in
                for (row, start) in starts.enumerated() { (out + row * context).update(from: tokens.baseAddress! + start, count: context) }
            },
             filledArray(count: count) { out in
                for (row, start) in starts.enumerated() { (out + row * context).update(from: tokens.baseAddress! + start + 1, count: context) }
            })
        }
        return Batch(input: .tokens(inputs, batch: starts.count, length: context), targets: .classes(targets))
    }
}
