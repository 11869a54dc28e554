internal import CZeroMQ
internal import Glibc

/// A failed ZeroMQ call: the operation and `zmq_strerror` of its errno.
public struct ZeroMQError: Error, CustomStringConvertible {
    /// What was being done, e.g. "bind tcp://127.0.0.1:5555".
    public let operation: String
    /// The errno value.
    public let code: Int32

    public var description: String { "\(operation): \(String(cString: zmq_strerror(code)))" }

    /// Whether the context was shut down (`ETERM`), which ends the socket's thread.
    public var isTerminated: Bool { code == ETERM }

    /// Whether the call would have had to wait (`EAGAIN`): a send timed out or was told not to wait.
    public var wouldBlock: Bool { code == EAGAIN }

    static func last(_ operation: String) -> ZeroMQError { ZeroMQError(operation: operation, code: zmq_errno()) }
}

/// The kinds of socket the kernel binds.
public enum SocketKind: Sendable {
    case router
    /// `XPUB`: a publisher that also reads its subscriptions and can refuse to drop messages.
    case extendedPublisher
    case reply, dealer, request, subscriber

    var rawValue: Int32 {
        switch self {
        case .router: ZMQ_ROUTER
        case .extendedPublisher: ZMQ_XPUB
        case .reply: ZMQ_REP
        case .dealer: ZMQ_DEALER
        case .request: ZMQ_REQ
        case .subscriber: ZMQ_SUB
        }
    }
}

/// A ZeroMQ context: owns the I/O threads; sockets are made from it.
///
/// `shutDown()` makes every blocking call on its sockets fail with `ETERM`, so threads end;
/// `terminate()` then waits until every socket is closed and their last messages are sent.
public final class ZeroMQContext: @unchecked Sendable {
    // zmq contexts are thread-safe by design (zmq(7)).
    let handle: UnsafeMutableRawPointer

    /// A new context.
    public init() {
        guard let handle = zmq_ctx_new() else { fatalError("zmq_ctx_new failed: out of memory") }
        self.handle = handle
    }

    /// Makes blocking operations on this context's sockets return `ETERM`.
    public func shutDown() { zmq_ctx_shutdown(handle) }

    /// Waits until every socket is closed, then frees the context.
    public func terminate() {
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }
}

/// One ZeroMQ socket. Not thread-safe: use it from one thread at a time, with a lock or a thread
/// hand-over between uses (zmq(7): "a socket may be migrated with a full memory barrier").
public final class ZeroMQSocket: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    private var isClosed = false

    /// A new socket of `kind` in `context`; `lingerMilliseconds` bounds how long close waits to send.
    public init(_ kind: SocketKind, in context: ZeroMQContext, lingerMilliseconds: Int32 = 1000) throws(ZeroMQError) {
        guard let handle = zmq_socket(context.handle, kind.rawValue) else { throw .last("zmq_socket") }
        self.handle = handle
        var linger = lingerMilliseconds
        zmq_setsockopt(handle, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
    }

    /// Refuses any incoming frame larger than `bytes`: the peer that sends one is disconnected
    /// before the frame is buffered (`ZMQ_MAXMSGSIZE`).
    public func limitIncomingFrames(toBytes bytes: Int) {
        var limit = Int64(bytes)
        zmq_setsockopt(handle, ZMQ_MAXMSGSIZE, &limit, MemoryLayout<Int64>.size)
    }

    /// Lets the socket bind and connect to IPv6 addresses as well as IPv4 ones (`ZMQ_IPV6`).
    public func enableIPv6() {
        setOption(ZMQ_IPV6, 1)
    }

    /// Makes an XPUB socket buffer up to `highWaterMark` messages per subscriber, then wait at
    /// most `timeoutMilliseconds` for one that is that far behind instead of dropping the message
    /// silently (`ZMQ_SNDHWM`, `ZMQ_XPUB_NODROP`, `ZMQ_SNDTIMEO`); a send that times out fails
    /// with `EAGAIN`. Call it before `bind`: a connection takes the high-water mark its socket had then.
    public func waitForSlowSubscribers(highWaterMark: Int32, timeoutMilliseconds: Int32) {
        setOption(ZMQ_SNDHWM, highWaterMark)
        setOption(ZMQ_XPUB_NODROP, 1)
        setOption(ZMQ_SNDTIMEO, timeoutMilliseconds)
    }

    /// Makes an XPUB socket report every subscription, also repeated ones, and subscribe a peer
    /// only when told to with ``subscribeLastPeer(to:)`` (`ZMQ_XPUB_VERBOSE`, `ZMQ_XPUB_MANUAL`).
    public func decideSubscriptions() {
        setOption(ZMQ_XPUB_VERBOSE, 1)
        setOption(ZMQ_XPUB_MANUAL, 1)
    }

    /// Subscribes the peer whose subscription event was received last to `topic` (manual XPUB).
    public func subscribeLastPeer(to topic: [UInt8]) {
        topic.withUnsafeBytes { _ = zmq_setsockopt(handle, ZMQ_SUBSCRIBE, $0.baseAddress, $0.count) }
    }

    /// Removes the subscription to `topic` of the peer whose event was received last (manual XPUB).
    public func unsubscribeLastPeer(from topic: [UInt8]) {
        topic.withUnsafeBytes { _ = zmq_setsockopt(handle, ZMQ_UNSUBSCRIBE, $0.baseAddress, $0.count) }
    }

    private func setOption(_ option: Int32, _ value: Int32) {
        var value = value
        zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size)
    }

    /// Makes the next `bind` take over `fd`, a TCP socket already bound and listening, instead of
    /// opening one (`ZMQ_USE_FD`); the socket then owns it.
    public func adoptListening(_ fd: Int32) {
        setOption(ZMQ_USE_FD, fd)
    }

    /// Binds to `endpoint` (`tcp://ip:port` or `ipc://path`).
    public func bind(_ endpoint: String) throws(ZeroMQError) {
        guard zmq_bind(handle, endpoint) == 0 else { throw .last("bind \(endpoint)") }
    }

    /// Connects to `endpoint` (used by tests playing the client).
    public func connect(_ endpoint: String) throws(ZeroMQError) {
        guard zmq_connect(handle, endpoint) == 0 else { throw .last("connect \(endpoint)") }
    }

    /// Subscribes a SUB socket to every topic.
    public func subscribeToAll() {
        zmq_setsockopt(handle, ZMQ_SUBSCRIBE, nil, 0)
    }

    /// Sets the socket's routing identity (before connect).
    public func setIdentity(_ identity: [UInt8]) {
        identity.withUnsafeBytes { _ = zmq_setsockopt(handle, ZMQ_ROUTING_ID, $0.baseAddress, $0.count) }
    }

    /// The endpoint actually bound, e.g. with the port chosen for `tcp://127.0.0.1:*`.
    public var lastEndpoint: String {
        var buffer = [CChar](repeating: 0, count: 256)
        var size = buffer.count
        zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Sends `frames` as one multipart message; unless `waiting`, fails with `EAGAIN` at once
    /// where it would wait (`ZMQ_DONTWAIT`).
    public func send(_ frames: [[UInt8]], waiting: Bool = true) throws(ZeroMQError) {
        for (index, frame) in frames.enumerated() {
            let flags = (index < frames.count - 1 ? ZMQ_SNDMORE : 0) | (waiting ? 0 : ZMQ_DONTWAIT)
            let sent = frame.withUnsafeBytes { bytes in
                var result: Int32
                repeat { result = zmq_send(handle, bytes.baseAddress, bytes.count, flags) } while result < 0 && zmq_errno() == EINTR
                return result
            }
            guard sent >= 0 else { throw .last("send") }
        }
    }

    /// Receives one multipart message, waiting at most `timeoutMilliseconds` (-1: forever).
    /// Returns `nil` when nothing arrived in time.
    public func receive(timeoutMilliseconds: Int = -1) throws(ZeroMQError) -> [[UInt8]]? {
        guard try poll(timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        var frames: [[UInt8]] = []
        var more: Int32 = 1
        while more != 0 {
            var part = zmq_msg_t()
            zmq_msg_init(&part)
            defer { zmq_msg_close(&part) }
            var received: Int32
            repeat { received = zmq_msg_recv(&part, handle, 0) } while received < 0 && zmq_errno() == EINTR
            guard received >= 0 else { throw .last("receive") }
            let size = zmq_msg_size(&part)
            if size > 0, let data = zmq_msg_data(&part) {
                frames.append(Array(UnsafeRawBufferPointer(start: data, count: size)))
            } else {
                frames.append([])
            }
            more = zmq_msg_more(&part)
        }
        return frames
    }

    /// Whether a message is waiting, after waiting at most `timeoutMilliseconds` (-1: forever).
    public func poll(timeoutMilliseconds: Int) throws(ZeroMQError) -> Bool {
        var item = zmq_pollitem_t(socket: handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
        while true {
            let ready = zmq_poll(&item, 1, timeoutMilliseconds)
            if ready >= 0 { return ready > 0 }
            if zmq_errno() != EINTR { throw .last("poll") }
        }
    }

    /// Closes the socket; pending messages are still sent for up to the linger time.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        zmq_close(handle)
    }

    deinit { close() }
}
