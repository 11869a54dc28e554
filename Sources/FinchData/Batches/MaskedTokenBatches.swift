import FinchEngine

/// Masked language modelling (BERT-style) on one long token stream: random windows of `context`
/// tokens in which `maskRate` of the positions are chosen; a chosen position's input becomes
/// `<mask>` (80%), a random ordinary token (10%) or stays as it is (10%), and its target is the
/// original token. Targets elsewhere are the ignore index (-100), so only chosen positions count.
public struct MaskedTokenBatches: BatchMaker {
    /// The target of positions that are not predicted.
    public static let ignoreIndex = CrossEntropy.defaultIgnoreIndex
    /// The token ids windows are cut from.
    public let stream: [Int32]
    /// Vocabulary size; random replacements are drawn from the ordinary tokens `4..<vocabularySize`.
    public let vocabularySize: Int
    /// Positions per sequence.
    public let context: Int
    /// Sequences per batch.
    public let batchSize: Int
    /// Positions chosen in each sequence: `maskRate · context`, rounded, and at least 1.
    public let maskedPerSequence: Int
    private let seed: UInt64
    private var generator: Xoshiro
    private var positions: [Int]
    private var windows = 0

    /// Batches of `batch` windows from `stream`, windows and masks drawn with `seed`.
    public init(stream: [Int32], vocabularySize: Int, context: Int, batch: Int, maskRate: Float, seed: UInt64) throws(DataError) {
        try requirePositive(context, "the context")
        try requirePositive(batch, "the batch size")
        guard maskRate > 0, maskRate <= 1 else {
            throw .outOfRange(parameter: "the mask rate", value: "\(maskRate)", allowed: "more than 0 and at most 1")
        }
        guard stream.count >= context else { throw .streamTooShort(tokens: stream.count, window: context) }
        self.stream = stream
        self.vocabularySize = vocabularySize
        self.context = context
        batchSize = batch
        maskedPerSequence = max(1, Int((maskRate * Float(context)).rounded()))
        self.seed = seed
        generator = Xoshiro(seed: seed)
        positions = Array(0..<context)
    }

    /// Tokens seen so far over the stream's length.
    public var epochs: Double { Double(windows * context) / Double(stream.count) }

    /// `batchSize` windows at random starts, masked at random.
    public mutating func next() -> Batch {
        let starts = (0..<batchSize).map { _ in generator.nextInt(below: stream.count - context + 1) }
        windows += batchSize
        return Self.batch(starts: starts, from: stream, context: context, masked: maskedPerSequence,
                          vocabularySize: vocabularySize, generator: &generator, positions: &positions)
    }

    /// Up to `limit · batchSize` windows spread evenly over the stream, with masks drawn from
    /// the maker's seed afresh on every call.
    public func evaluationBatches(limit: Int) -> [Batch] {
        var generator = Xoshiro(seed: seed ^ 0xE7A1), positions = Array(0..<context)
        return evaluationWindows(length: stream.count, window: context, advance: context, batchSize: batchSize, limit: limit).map {
            Self.batch(starts: $0, from: stream, context: context, masked: maskedPerSequence, vocabularySize: vocabularySize,
                       generator: &generator, positions: &positions)
        }
    }

    /// Masked inputs and targets for windows at `starts`; `positions` is scratch space holding a
    /// permutation of `0..<context`.
    private static func batch(
        starts: [Int], from stream: [Int32], context: Int, masked: Int, vocabularySize: Int,
        generator: inout Xoshiro, positions: inout [Int]
    ) -> Batch {
        let count = starts.count * context
        let ordinary = Int(Tokenizer.bos) + 1
        var targets = [Int32](repeating: ignoreIndex, count: count)
        var inputs = [Int32](repeating: 0, count: count)
        stream.withUnsafeBufferPointer { tokens in
            inputs.withUnsafeMutableBufferPointer { input in
                for (row, start) in starts.enumerated() {
                    let base = row * context
                    (input.baseAddress! + base).update(from: tokens.baseAddress! + start, count: context)
                    // Partial Fisher–Yates: the first `masked` entries become a random subset.
                    for i in 0..<masked {
                        positions.swapAt(i, i + generator.nextInt(below: context - i))
                        let at = base + positions[i]
                        targets[at] = input[at]
                        let roll = generator.nextUniform()
                        if roll < 0.8 || vocabularySize <= ordinary {
                            input[at] = Tokenizer.mask
                        } else if roll < 0.9 {
                            input[at] = Int32(ordinary + generator.nextInt(below: vocabularySize - ordinary))
                        }
                    }
                }
            }
        }
        return Batch(input: .tokens(inputs, batch: starts.count, length: context), targets: .classes(targets))
    }
}
