/// The heartbeat channel: a REP socket that echoes every ping, on its own thread, so a front end
/// sees the kernel alive even while a long cell runs.
final class Heartbeat: Sendable {
    private let socket: ZeroMQSocket
    private let log: KernelLog

    init(context: ZeroMQContext, connection: ConnectionInfo, limits: KernelLimits, log: KernelLog) throws(ZeroMQError) {
        socket = try ZeroMQSocket.bound(.reply, in: context, to: connection, port: connection.heartbeatPort,
                                        limits: limits, lingerMilliseconds: 0)
        self.log = log
    }

    /// Echoes until the context shuts down.
    func run() {
        defer { socket.close() }
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
}
