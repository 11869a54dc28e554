internal import Glibc
import FinchJSON
import Synchronization

/// Everything the kernel publishes on IOPub goes through here: `stream` text is held in a
/// ``StreamBuffer`` and everything else first sends the text held, so output keeps its order.
///
/// Safe from any thread: the shell and control threads publish, and the kernel server's flusher
/// calls ``flushDue()`` a few times per ``StreamBuffer/flushInterval``. The lock is held while
/// sending, so no thread's message can overtake the text another thread is flushing.
final class IOPubPublisher: Sendable {
    private let transport: any KernelTransport
    private let headers: HeaderFactory
    private let buffer = Mutex(StreamBuffer())

    init(transport: any KernelTransport, headers: HeaderFactory) {
        self.transport = transport
        self.headers = headers
    }

    /// Publishes a message of `type` answering `parent`; a `stream` message's text is held.
    func publish(_ type: String, _ content: JSONObject, parent: Message?) {
        buffer.withLock { buffer in
            if type == "stream", let parent, let name = content["name"]?.stringValue, let text = content["text"]?.stringValue {
                for ready in buffer.append(text, to: name, parent: parent, now: Self.now()) { send(ready) }
                return
            }
            if let held = buffer.takeAll() { send(held) }
            send(type, content, parent: parent)
        }
    }

    /// Publishes an `iopub_welcome` for a new subscription to `topic`, under that topic so that
    /// its subscriber receives it (JEP 65).
    func welcome(topic: String) {
        buffer.withLock { buffer in
            if let held = buffer.takeAll() { send(held) }
            send("iopub_welcome", ["subscription": .string(topic)], parent: nil, topic: topic)
        }
    }

    /// Sends the text held, if any.
    func flush() {
        buffer.withLock { buffer in
            if let held = buffer.takeAll() { send(held) }
        }
    }

    /// Sends the text held if it has waited its ``StreamBuffer/flushInterval``.
    func flushDue() {
        buffer.withLock { buffer in
            if let due = buffer.takeDue(now: Self.now()) { send(due) }
        }
    }

    private func send(_ pending: StreamBuffer.Pending) {
        send("stream", ["name": .string(pending.name), "text": .string(pending.text)], parent: pending.parent)
    }

    /// Sends a message of `type` under `topic` (its first frame), by default the type itself, as ipykernel names topics.
    private func send(_ type: String, _ content: JSONObject, parent: Message?, topic: String? = nil) {
        var message = headers.message(type, content: content, parent: parent)
        message.identities = [Array((topic ?? type).utf8)]
        transport.send(message, on: .iopub)
    }

    /// Seconds on the monotonic clock.
    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
