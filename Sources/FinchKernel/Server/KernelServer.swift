import Synchronization

/// The running kernel: binds the five sockets of a connection file and serves them — shell on
/// the calling thread, control and heartbeat on their own threads — until a shutdown request.
public final class KernelServer: Sendable {
    private let connection: ConnectionInfo
    private let log: KernelLog
    private let stopping = Atomic<Bool>(false)
    /// How often the loops look at the stop flag while idle.
    private static let pollMilliseconds = 100

    /// A server for `connection`, logging to standard error from `log`'s level.
    public init(connection: ConnectionInfo, log: KernelLog) {
        self.connection = connection
        self.log = log
    }

    /// Serves `interpreter` until a `shutdown_request`; returns after every socket is closed.
    public func run(_ interpreter: any KernelInterpreter) throws {
        let codec = WireCodec(signer: try makeSigner(key: connection.key, scheme: connection.signatureScheme))
        let context = ZeroMQContext()
        let transport = try SocketTransport(context: context, connection: connection, codec: codec, log: log)
        let heartbeat = try Heartbeat(context: context, endpoint: connection.endpoint(port: connection.heartbeatPort), log: log)
        InterruptFlag.installSignalHandler()
        let core = KernelCore(interpreter: interpreter, transport: transport, interruptFlag: .process, log: log)
        core.announceStart()
        let heartbeatThread = NativeThread { heartbeat.run() }
        let controlThread = NativeThread { [self] in serve(.control, core: core, transport: transport) }
        serve(.shell, core: core, transport: transport)
        controlThread.join()
        transport.closeAll()
        context.shutDown()
        heartbeatThread.join()
        context.terminate()
        log.info("kernel stopped")
    }

    /// The loop of one channel: receive, handle, until a shutdown on either channel.
    private func serve(_ channel: Channel, core: KernelCore, transport: SocketTransport) {
        while !stopping.load(ordering: .acquiring) {
            let message: Message?
            do { message = try transport.receive(on: channel, timeoutMilliseconds: Self.pollMilliseconds) } catch {
                log.error("\(channel.rawValue): \(error)")
                break
            }
            guard let message else { continue }
            if case .shutDown = core.handle(message, on: channel) { stopping.store(true, ordering: .releasing) }
        }
    }
}
