/// The heartbeat channel: a REP socket that echoes every ping, on its own thread, so a front end
/// sees the kernel alive even while a long cell runs.
final class Heartbeat: Sendable {
    private let socket: ZeroMQSocket
    private let log: KernelLog

    /// Binds the heartbeat socket of `connection`, taking over the one of `listeners` on its port.
    init(context: ZeroMQContext, connection: ConnectionInfo, limits: KernelLimits, log: KernelLog,
         listeners: inout InheritedListeners) throws(ZeroMQError) {
        socket = try ZeroMQSocket.bound(.reply, in: context, to: connection, port: connection.heartbeatPort,
                                        limits: limits, lingerMilliseconds: 0,
                                        listener: listeners.take(port: connection.heartbeatPort, of: connection))
        self.log = log
    }

    /// Echoes until the context shuts down, then closes the socket.
    func run() {
        defer { close() }
        do {
            while true {
                guard let ping = try socket.receive() else { continue }
                try socket.send(ping)
            }
        } catch where error.isTerminated {
            return
        } catch {
            log.error("heartbeat: \(error)")
        }
    }

    /// Closes the socket; for a kernel that stops before `run` starts.
    func close() { socket.close() }
}
