import FinchEngine

/// Denoising (masked-feature) reconstruction: each input feature is set to 0 with probability
/// `maskRate`; the targets (`.values`) are the original `[batch, width]` features. Labels, if
/// any, are not used, so unlabeled rows can pre-train a feature model. Seeded shuffled epochs.
public struct MaskedFeatureBatches: BatchMaker {
    /// Features per row.
    public let width: Int
    /// Rows per batch: the requested size, or the data set's size if that is smaller.
    public let batchSize: Int
    /// Probability that a feature is zeroed in the input.
    public let maskRate: Float
    private let values: [Float]
    private let seed: UInt64
    private var order: EpochOrder
    private var generator: Xoshiro

    /// Batches of the rows of `dataset`, shuffled and masked with `seed`.
    public init(dataset: Dataset, batch: Int, maskRate: Float, seed: UInt64) throws(DataError) {
        try requirePositive(batch, "the batch size")
        try requireRate(maskRate, "the mask rate")
        guard case let .features(values, width) = dataset.inputs else { throw .wrongInputs(name: dataset.name, needs: "feature rows") }
        self.values = values
        self.width = width
        self.maskRate = maskRate
        self.seed = seed
        batchSize = min(batch, dataset.count)
        order = EpochOrder(count: dataset.count, generator: Xoshiro(seed: seed))
        generator = Xoshiro(seed: seed ^ 0x4D41_534B)
    }

    /// Passes over the rows so far.
    public var epochs: Double { order.epochs }

    /// The next `batchSize` rows of the current epoch, masked at random.
    public mutating func next() -> Batch {
        Self.batch(order.next(batchSize), of: values, width: width, maskRate: maskRate, generator: &generator)
    }

    /// Every row in order, `batchSize` at a time, at most `limit` batches, with masks drawn from
    /// the maker's seed afresh on every call.
    public func evaluationBatches(limit: Int) -> [Batch] {
        var generator = Xoshiro(seed: seed ^ 0xE7A1)
        return evaluationGroups(count: values.count / width, batchSize: batchSize, limit: limit).map {
            Self.batch($0, of: values, width: width, maskRate: maskRate, generator: &generator)
        }
    }

    /// The rows at `rows`, masked, and their originals as targets.
    private static func batch(_ rows: [Int], of values: [Float], width: Int, maskRate: Float, generator: inout Xoshiro) -> Batch {
        let original = copyRows(rows, of: values, width: width)
        var input = original
        input.withUnsafeMutablePointer { pointer in
            for i in 0..<rows.count * width where generator.nextUniform() < maskRate { pointer[i] = 0 }
        }
        return Batch(input: .features(input), targets: .values(original))
    }
}
