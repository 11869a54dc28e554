import FinchJSON

/// Stream text not yet published: consecutive writes to the same stream for the same request
/// are joined into one `stream` message, as ipykernel's `OutStream` joins them, so a loop that
/// prints a hundred thousand lines sends a few messages instead of a hundred thousand.
///
/// Text is held until it is ``flushInterval`` old, until it reaches ``capacity`` bytes, or until
/// anything else is published, whichever comes first; text for another stream or another request
/// first sends what is held. So the order of everything published is the order it was written.
/// A value with no clock of its own: callers pass the time, and tests choose it.
struct StreamBuffer {
    /// Text held for one stream of one request.
    struct Pending: Equatable {
        /// `stdout` or `stderr`.
        var name: String
        /// The text written, joined.
        var text: String
        /// The request the text answers.
        var parent: Message
        /// When the first of it was written (seconds on a monotonic clock).
        var since: Double
    }

    /// How long text may wait: ipykernel's `flush_interval`.
    static let flushInterval = 0.2
    /// How much text may wait, in UTF-8 bytes.
    static let capacity = 64 * 1024

    private(set) var pending: Pending?

    /// Adds `text` for stream `name` of `parent`, written at `now`; returns what must be published
    /// now, in order (held text for another stream or request, and this text if that fills the buffer).
    mutating func append(_ text: String, to name: String, parent: Message, now: Double) -> [Pending] {
        var ready: [Pending] = []
        if let held = pending, held.name != name || held.parent.id != parent.id {
            ready.append(held)
            pending = nil
        }
        if pending == nil {
            pending = Pending(name: name, text: text, parent: parent, since: now)
        } else {
            pending?.text += text
        }
        if let held = pending, held.text.utf8.count >= Self.capacity {
            ready.append(held)
            pending = nil
        }
        return ready
    }

    /// The held text when it has waited ``flushInterval`` at `now`, taken out of the buffer.
    mutating func takeDue(now: Double) -> Pending? {
        guard let held = pending, now - held.since >= Self.flushInterval else { return nil }
        pending = nil
        return held
    }

    /// The held text, taken out of the buffer.
    mutating func takeAll() -> Pending? {
        defer { pending = nil }
        return pending
    }
}
