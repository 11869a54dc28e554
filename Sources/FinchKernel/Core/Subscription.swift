/// What an IOPub subscriber asked for, as an XPUB socket reports it: a frame `\1topic`
/// subscribes and `\0topic` unsubscribes (JEP 65, "Replace PUB socket with XPUB socket").
enum SubscriptionEvent: Equatable {
    /// Subscribe the peer to messages whose first frame starts with `topic`.
    case subscribe(topic: [UInt8])
    /// Undo a subscription to `topic`.
    case unsubscribe(topic: [UInt8])

    /// The longest topic accepted. Front ends subscribe to everything (an empty topic) or to a
    /// kernel's topic such as `kernel.<uuid>.status`; a longer one is refused, so no peer can
    /// make the socket keep large subscriptions.
    static let maximumTopicBytes = 1024

    /// The event in `frame`, or `nil` when it is none or its topic is longer than ``maximumTopicBytes``.
    init?(frame: [UInt8]) {
        guard let kind = frame.first, frame.count - 1 <= Self.maximumTopicBytes else { return nil }
        let topic = Array(frame.dropFirst())
        switch kind {
        case 1: self = .subscribe(topic: topic)
        case 0: self = .unsubscribe(topic: topic)
        default: return nil
        }
    }

    /// The topic of a subscription that deserves an `iopub_welcome`: UTF-8 text, as JEP 65 asks.
    var welcomedTopic: String? {
        guard case .subscribe(let topic) = self else { return nil }
        var text = ""
        var decoder = UTF8()
        var bytes = topic.makeIterator()
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
            case .emptyInput: return text
            case .error: return nil
            }
        }
    }
}
