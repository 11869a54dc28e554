import FinchEngine

/// Classification of texts: each text is tokenized once, cut or padded with `<pad>` to
/// `context` tokens; batches of `[batch, context]` token ids, with each text's real length so
/// the model can ignore the padding, and one class target per text, in seeded shuffled epochs.
public struct TextClassBatches: BatchMaker {
    /// Positions per text.
    public var context: Int { tokens.context }
    /// Texts per batch: the requested size, or the data set's size if that is smaller.
    public let batchSize: Int
    /// The texts as padded rows with their real lengths.
    private let tokens: PaddedTokens
    private let labels: [Int32]
    private var order: EpochOrder

    /// Batches of the labeled texts of `dataset`, encoded with `tokenizer`, shuffled with `seed`.
    public init(dataset: Dataset, tokenizer: Tokenizer, context: Int, batch: Int, seed: UInt64) throws(DataError) {
        try requirePositive(context, "the context")
        try requirePositive(batch, "the batch size")
        guard let texts = dataset.texts else { throw .wrongInputs(name: dataset.name, needs: "texts") }
        labels = try dataset.requireLabels(for: "used to train a classifier").map { Int32($0) }
        tokens = PaddedTokens(texts, tokenizer: tokenizer, context: context)
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
        Batch(input: tokens.input(rows), targets: .classes(rows.map { labels[$0] }))
    }
}
