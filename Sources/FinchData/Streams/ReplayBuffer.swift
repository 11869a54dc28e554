import FinchEngine

/// A bounded memory of earlier examples for replay, filled by reservoir sampling (Vitter 1985):
/// after `seen` examples have been offered, each of them is held with the same chance,
/// `capacity / seen`, whatever the order they came in.
public struct ReplayBuffer: Sendable {
    /// The most examples held.
    public let capacity: Int
    /// Examples offered so far.
    public private(set) var seen = 0
    /// The examples held, in the order of their slots.
    public private(set) var held: Dataset?
    private var generator: Xoshiro

    /// An empty buffer of `capacity` examples (at least 1), drawing with `seed`.
    public init(capacity: Int, seed: UInt64) throws(DataError) {
        try requirePositive(capacity, "the replay buffer's size")
        self.capacity = capacity
        generator = Xoshiro(seed: seed)
    }

    /// Offers every example of `data`, in order: while there is room each is kept; after that,
    /// the n-th example offered replaces a random slot with chance `capacity / n`.
    public mutating func offer(_ data: Dataset) throws(DataError) {
        var slots: [(source: Int, row: Int)] = (0..<(held?.count ?? 0)).map { (0, $0) }
        for row in 0..<data.count {
            seen += 1
            if slots.count < capacity {
                slots.append((1, row))
            } else {
                let slot = generator.nextInt(below: seen)
                if slot < capacity { slots[slot] = (1, row) }
            }
        }
        let pool = try Dataset.concatenating([held, data].compactMap { $0 }, name: "replay buffer")
        let offset = held?.count ?? 0
        held = try pool.subset(slots.map { $0.source == 0 ? $0.row : offset + $0.row })
    }
}
