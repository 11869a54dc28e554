import FinchEngine

/// Classification of texts: each text is tokenized once, cut or padded with `<pad>` to
/// `context` tokens; batches of `[batch, context]` token ids with one class target per text,
/// in seeded shuffled epochs.
public struct TextClassBatches: BatchMaker {
    /// Positions per text.
    public let context: Int
    /// Texts per batch: the requested size, or the data set's size if that is smaller.
    public let batchSize: Int
    /// Row-major `[count, context]` token ids, padded.
    private let tokens: [Int32]
    private let labels: [Int32]
    private var order: EpochOrder

    /// Batches of the labeled texts of `dataset`, encoded with `tokenizer`, shuffled with `seed`.
    public init(dataset: Dataset, tokenizer: Tokenizer, context: Int, batch: Int, seed: UInt64) throws(DataError) {
        try requirePositive(context, "the context")
        try requirePositive(batch, "the batch size")
        guard let texts = dataset.texts else { throw .wrongInputs(name: dataset.name, needs: "texts") }
        labels = try dataset.requireLabels(for: "used to train a classifier").map { Int32($0) }
        tokens = paddedTokens(texts, tokenizer: tokenizer, context: context)
        self.context = context
        batchSize = min(batch, texts.count)
        order = EpochOrder(count: texts.count, generator: Xoshiro(seed: seed))
    }

    /// Passes over the texts so far.
    public var epochs: Double { order.epochs }

    /// The next `batchSize` texts of the current epoch (continuing into the next one).
    public mutating func next() -> Batch {
        batch(order.next(batchSize))
    }

    /// Every text in order, `batchSize` at a time, at most `limit` batches.
    public func evaluationBatches(limit: Int) -> [Batch] {
        evaluationGroups(count: labels.count, batchSize: batchSize, limit: limit).map(batch)
    }

    /// The texts at `rows` and their labels.
    private func batch(_ rows: [Int]) -> Batch {
        let inputs: [Int32] = tokens.withUnsafeBufferPointer { source in
            filledArray(count: rows.count * context) { out in
                for (row, index) in rows.enumerated() {
                    (out + row * context).update(from: source.baseAddress! + index * context, count: context)
                }
            }
        }
        return Batch(input: .tokens(inputs, batch: rows.count, length: context), targets: .classes(rows.map { labels[$0] }))
    }
}
