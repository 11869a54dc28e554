import Synchronization

/// The kernel's ZeroMQ sockets behind ``KernelTransport``: messages are signed on the way out,
/// and each socket is used under its own lock, so the shell and control threads can both publish.
final class SocketTransport: KernelTransport, Sendable {
    private let sockets: [Channel: GuardedSocket]
    private let codec: WireCodec
    private let log: KernelLog
    private let iopubBackpressure = Mutex(IOPubBackpressure())

    /// Binds the shell, IOPub, control and stdin sockets of `connection`, taking over those of
    /// `listeners` that listen on their ports.
    init(context: ZeroMQContext, connection: ConnectionInfo, limits: KernelLimits, codec: WireCodec, log: KernelLog,
         listeners: inout InheritedListeners) throws(ZeroMQError) {
        var sockets: [Channel: GuardedSocket] = [:]
        // Shell and IOPub first: the two a client's wait for the kernel to be ready needs.
        let layout: [(Channel, SocketKind, Int)] = [
            (.shell, .router, connection.shellPort), (.iopub, .extendedPublisher, connection.iopubPort),
            (.control, .router, connection.controlPort), (.stdin, .router, connection.stdinPort),
        ]
        for (channel, kind, port) in layout {
            let listener = listeners.take(port: port, of: connection)
            let socket = try ZeroMQSocket.bound(kind, in: context, to: connection, port: port, limits: limits,
                                                listener: listener) { socket in
                guard channel == .iopub else { return }
                socket.waitForSlowSubscribers(highWaterMark: IOPubBackpressure.highWaterMark,
                                              timeoutMilliseconds: IOPubBackpressure.waitMilliseconds)
                socket.decideSubscriptions()
            }
            sockets[channel] = GuardedSocket(socket)
        }
        self.sockets = sockets
        self.codec = codec
        self.log = log
    }

    func send(_ message: Message, on channel: Channel) {
        guard let socket = sockets[channel] else { return }
        guard channel == .iopub else {
            do { try socket.send(codec.encode(message)) } catch {
                log.error("cannot send \(message.type) on \(channel.rawValue): \(error)")
            }
            return
        }
        publish(codec.encode(message), type: message.type, on: socket)
    }

    /// Sends on IOPub as ``IOPubBackpressure`` says, logging when messages start and stop being dropped.
    private func publish(_ frames: [[UInt8]], type: String, on socket: GuardedSocket) {
        iopubBackpressure.withLock { backpressure in
            do throws(ZeroMQError) {
                try socket.send(frames, waiting: backpressure.sendWaits)
                if let dropped = backpressure.sent() {
                    log.warning("an IOPub subscriber caught up; \(dropped) message(s) were dropped while it was behind")
                }
            } catch where error.wouldBlock {
                if backpressure.refused() {
                    log.error("an IOPub subscriber is \(IOPubBackpressure.highWaterMark) messages behind and did not read for "
                              + "\(IOPubBackpressure.waitMilliseconds / 1000) s; dropping IOPub messages until it reads")
                }
            } catch {
                log.error("cannot send \(type) on iopub: \(error)")
            }
        }
    }

    /// The next valid message on `channel`, or `nil` after `timeoutMilliseconds`; frames that are
    /// not a valid signed message are logged and dropped, never acted on.
    func receive(on channel: Channel, timeoutMilliseconds: Int) throws(ZeroMQError) -> Message? {
        guard let socket = sockets[channel],
              let frames = try socket.receive(timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        do {
            return try codec.decode(frames)
        } catch {
            log.warning("dropping a message on \(channel.rawValue): \(error)")
            return nil
        }
    }

    func receiveInput(timeoutMilliseconds: Int) -> Message? {
        do { return try receive(on: .stdin, timeoutMilliseconds: timeoutMilliseconds) } catch {
            log.error("stdin: \(error)")
            return nil
        }
    }

    func discardWaitingInput() -> Int {
        var discarded = 0
        while (try? sockets[.stdin]?.receive(timeoutMilliseconds: 0)) != nil { discarded += 1 }
        return discarded
    }

    /// Subscribes each peer that asked, unless its topic is too long (``SubscriptionEvent``), and
    /// returns the topics to welcome.
    func takeNewSubscriptions() -> [String] {
        sockets[.iopub]?.withSocket { socket in
            var welcomed: [String] = []
            while let frames = try? socket.receive(timeoutMilliseconds: 0) {
                guard let frame = frames.first, let event = SubscriptionEvent(frame: frame) else {
                    log.warning("ignoring an IOPub subscription of \(frames.first?.count ?? 0) bytes")
                    continue
                }
                switch event {
                case .subscribe(let topic): socket.subscribeLastPeer(to: topic)
                case .unsubscribe(let topic): socket.unsubscribeLastPeer(from: topic)
                }
                if let topic = event.welcomedTopic { welcomed.append(topic) }
            }
            return welcomed
        } ?? []
    }

    func takeWaitingShellRequests() -> [Message] {
        var waiting: [Message] = []
        while let frames = try? sockets[.shell]?.receive(timeoutMilliseconds: 0) {
            do { waiting.append(try codec.decode(frames)) } catch { log.warning("dropping a message on shell: \(error)") }
        }
        return waiting
    }

    /// Closes every socket; queued messages are still sent within the linger time.
    func closeAll() {
        for socket in sockets.values { socket.close() }
    }
}

/// A socket with a lock, for a channel used by more than one thread.
final class GuardedSocket: Sendable {
    private let socket: ZeroMQSocket
    private let lock = Mutex(())

    init(_ socket: ZeroMQSocket) { self.socket = socket }

    func send(_ frames: [[UInt8]], waiting: Bool = true) throws(ZeroMQError) {
        try lock.withLock { _ throws(ZeroMQError) in try socket.send(frames, waiting: waiting) }
    }

    func receive(timeoutMilliseconds: Int) throws(ZeroMQError) -> [[UInt8]]? {
        try lock.withLock { _ throws(ZeroMQError) in try socket.receive(timeoutMilliseconds: timeoutMilliseconds) }
    }

    /// Runs `body` with the socket, under the lock, for a sequence of calls no other thread may interleave.
    func withSocket<Result>(_ body: (ZeroMQSocket) -> Result) -> Result {
        lock.withLock { _ in body(socket) }
    }

    func close() { lock.withLock { _ in socket.close() } }
}
