/// What IOPub does when a subscriber falls behind: it buffers up to ``highWaterMark`` messages
/// for it (ZeroMQ's `ZMQ_SNDHWM`), then waits up to ``waitMilliseconds`` for it to catch up
/// (`ZMQ_XPUB_NODROP`), and only then drops messages, saying so, until the subscriber reads
/// again — without waiting again meanwhile, so a front end that reads nothing until it has its
/// reply (as many clients do) costs one wait, not one per message.
struct IOPubBackpressure {
    /// Messages buffered per subscriber: a cell of 100 000 separate displays reaches a front end
    /// that reads IOPub only after the reply. ZeroMQ's default, 1 000, dropped half a loop's prints.
    static let highWaterMark: Int32 = 100_000
    /// How long one message waits for a subscriber whose buffer is full.
    static let waitMilliseconds: Int32 = 10_000

    /// Messages dropped since the subscriber stopped keeping up, or `nil` while it keeps up.
    private(set) var dropped: Int?

    /// Whether the next send may wait for a subscriber (it does not while messages are being dropped).
    var sendWaits: Bool { dropped == nil }

    /// Records a send that went out; returns how many messages were dropped before it, if any were.
    mutating func sent() -> Int? {
        defer { dropped = nil }
        return dropped
    }

    /// Records a message refused because a subscriber's buffer is full; returns whether this is
    /// the first of a run of drops (worth a log line).
    mutating func refused() -> Bool {
        defer { dropped = (dropped ?? 0) + 1 }
        return dropped == nil
    }
}
