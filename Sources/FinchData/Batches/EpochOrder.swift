import FinchEngine

/// Example indices in epochs: each epoch visits every example once, in a fresh seeded order.
struct EpochOrder: Sendable {
    private var generator: Xoshiro
    private var order: [Int]
    private var position = 0
    /// Indices handed out so far.
    private(set) var drawn = 0

    /// An order over `count` examples drawn with `generator`.
    init(count: Int, generator: Xoshiro) {
        self.generator = generator
        order = Array(0..<count)
        self.generator.shuffle(&order)
    }

    /// Passes over the examples so far.
    var epochs: Double { Double(drawn) / Double(order.count) }

    /// The next index, starting a new shuffled epoch when the current one is used up.
    mutating func next() -> Int {
        if position == order.count {
            generator.shuffle(&order)
            position = 0
        }
        position += 1
        drawn += 1
        return order[position - 1]
    }

    /// The next `count` indices (continuing into the next epoch when this one runs out).
    mutating func next(_ count: Int) -> [Int] {
        (0..<count).map { _ in next() }
    }
}

/// Indices `0..<count` in order, `batchSize` at a time, at most `limit` groups: the batches
/// an evaluation walks through.
func evaluationGroups(count: Int, batchSize: Int, limit: Int) -> [[Int]] {
    let end = min(count, max(1, limit) * batchSize)
    return stride(from: 0, to: end, by: batchSize).map { Array($0..<min($0 + batchSize, end)) }
}

/// The starts of the windows an evaluation on a stream of `length` tokens walks through, in
/// groups of `batchSize`: up to `limit` groups of windows of `window` tokens spread evenly over
/// the stream, no more than fit without overlap when consecutive windows `advance` by that many.
func evaluationWindows(length: Int, window: Int, advance: Int, batchSize: Int, limit: Int) -> [[Int]] {
    let fitting = max(1, (length - window + advance) / advance)
    let starts = evenlySpacedStarts(count: min(max(1, limit) * batchSize, fitting), window: window, length: length)
    return evaluationGroups(count: starts.count, batchSize: batchSize, limit: limit).map { $0.map { starts[$0] } }
}

/// Starts of `count` windows of `window` tokens spread evenly over a stream of `length` tokens.
func evenlySpacedStarts(count: Int, window: Int, length: Int) -> [Int] {
    let last = length - window
    guard count > 1 else { return [0] }
    return (0..<count).map { $0 * last / (count - 1) }
}
