import FinchEngine

/// Classification batches: the examples of a labelled data set with one class target each, in
/// seeded shuffled epochs. Feature rows become `[batch, width]` features; texts are tokenized
/// once and cut or padded with `<pad>` to `context` tokens, `[batch, context]` ids with each
/// text's real length so the model can ignore the padding.
public struct ClassBatches: BatchMaker {
    /// Examples per batch: the requested size, or the data set's size if that is smaller.
    public let batchSize: Int
    private let examples: Examples
    private let labels: [Int32]
    private var order: EpochOrder

    /// How the examples become model inputs.
    private enum Examples: Sendable {
        /// Row-major feature rows of `width` numbers.
        case features([Float], width: Int)
        /// Texts as padded rows of token ids.
        case texts(PaddedTokens)

        /// The inputs of the examples at `rows`, in that order.
        func input(_ rows: [Int]) -> ModelInput {
            switch self {
            case let .features(values, width): .features(copyRows(rows, of: values, width: width))
            case let .texts(tokens): tokens.input(rows)
            }
        }
    }

    /// Batches of the labelled feature rows of `dataset`, shuffled with `seed`. With
    /// `unlabelled`, a data set without labels is allowed: every target is the ignore index
    /// (for objectives that need no labels, such as distillation from soft targets).
    public init(features dataset: Dataset, batch: Int, seed: UInt64, unlabelled: Bool = false) throws(DataError) {
        try requirePositive(batch, "the batch size")
        guard case let .features(values, width) = dataset.inputs else { throw .wrongInputs(name: dataset.name, needs: "feature rows") }
        try self.init(dataset, .features(values, width: width), batch: batch, seed: seed, unlabelled: unlabelled)
    }

    /// Batches of the labelled texts of `dataset`, encoded with `tokenizer` to `context`
    /// tokens, shuffled with `seed`; `unlabelled` as for feature rows.
    public init(texts dataset: Dataset, tokenizer: Tokenizer, context: Int, batch: Int, seed: UInt64,
                unlabelled: Bool = false) throws(DataError) {
        try requirePositive(context, "the context")
        try requirePositive(batch, "the batch size")
        guard let texts = dataset.texts else { throw .wrongInputs(name: dataset.name, needs: "texts") }
        try self.init(dataset, .texts(PaddedTokens(texts, tokenizer: tokenizer, context: context)), batch: batch, seed: seed,
                      unlabelled: unlabelled)
    }

    private init(_ dataset: Dataset, _ examples: Examples, batch: Int, seed: UInt64, unlabelled: Bool) throws(DataError) {
        labels = unlabelled && dataset.labels == nil
            ? [Int32](repeating: CrossEntropy.defaultIgnoreIndex, count: dataset.count)
            : try dataset.requireLabels(for: "used to train a classifier").map { Int32($0) }
        self.examples = examples
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
        evaluationGroups(count: labels.count, batchSize: batchSize, limit: limit).map(batch)
    }

    /// The examples at `rows` and their labels.
    func batch(_ rows: [Int]) -> Batch {
        Batch(input: examples.input(rows), targets: .classes(rows.map { labels[$0] }))
    }
}
