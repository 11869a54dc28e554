/// The heartbeat channel: a REP socket that echoes every ping, on its own thread, so a front end
/// sees the kernel alive even while a long cell runs.
final class Heartbeat: Sendable {
    private let socket: ZeroMQSocket
    private let log: KernelLog

    init(context: ZeroMQContext, endpoint: String, log: KernelLog) throws(ZeroMQError) {
        socket = try ZeroMQSocket(.reply, in: context, lingerMilliseconds: 0)
        try socket.bind(endpoint)
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
