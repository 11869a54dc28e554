internal import Glibc
import Synchronization

/// The running kernel: binds the five sockets of a connection file and serves them — shell on
/// the calling thread, control, heartbeat and the IOPub service on their own threads — until a
/// shutdown request, or until the process that started it is gone.
public final class KernelServer: Sendable {
    private let connection: ConnectionInfo
    private let limits: KernelLimits
    private let log: KernelLog
    private let stopping = Atomic<Bool>(false)
    private let shellStopped = Atomic<Bool>(false)
    /// How often the loops look at the stop flag while idle.
    private static let pollMilliseconds = 100
    /// How often the IOPub service looks for new subscribers and for stream text old enough to send.
    private static let serviceIntervalSeconds = 0.01
    /// How long a kernel whose parent is gone waits for its running cell to stop before it exits anyway.
    private static let orphanGraceSeconds = 1.0

    /// A server for `connection` within `limits`, logging to standard error from `log`'s level.
    public init(connection: ConnectionInfo, limits: KernelLimits = KernelLimits(), log: KernelLog) {
        self.connection = connection
        self.limits = limits
        self.log = log
    }

    /// Binds the sockets, then serves the interpreter `makeInterpreter` returns until a
    /// `shutdown_request`; returns after every socket is closed. The sockets are bound before
    /// the interpreter is made (and before anything else that takes time), because the client
    /// connects a few milliseconds after starting the kernel: a socket not yet bound refuses it,
    /// and ZeroMQ tries again only after its reconnect interval (100–200 ms). Messages that come
    /// meanwhile wait in the sockets.
    public func run(_ makeInterpreter: () throws -> any KernelInterpreter) throws {
        let codec = WireCodec(signer: try makeSigner(key: connection.key, scheme: connection.signatureScheme))
        let context = ZeroMQContext()
        var listeners = InheritedListeners.fromEnvironment()
        defer { listeners.closeRest() }
        let (transport, heartbeat) = try bindOwnerOnly { () throws(ZeroMQError) in
            (try SocketTransport(context: context, connection: connection, limits: limits, codec: codec, log: log, listeners: &listeners),
             try Heartbeat(context: context, connection: connection, limits: limits, log: log, listeners: &listeners))
        }
        defer { removeSocketFiles() }
        for risk in connection.risks { log.warning("\(risk)") }
        let interpreter: any KernelInterpreter
        do { interpreter = try makeInterpreter() } catch {
            transport.closeAll()
            heartbeat.close()
            context.terminate()
            throw error
        }
        InterruptFlag.installSignalHandler()
        let core = KernelCore(interpreter: interpreter, transport: transport, interruptFlag: .process, log: log)
        core.announceStart()
        let heartbeatThread = NativeThread { heartbeat.run() }
        let controlThread = NativeThread { [self] in serve(.control, core: core, transport: transport) }
        let parent = ParentWatch(environmentValue: getenv(ParentWatch.variable).map { String(cString: $0) })
        let serviceThread = NativeThread { [self] in serviceIOPub(of: core, watching: parent) }
        serve(.shell, core: core, transport: transport)
        shellStopped.store(true, ordering: .releasing)
        controlThread.join()
        serviceThread.join()
        transport.closeAll()
        context.shutDown()
        heartbeatThread.join()
        context.terminate()
        log.info("kernel stopped")
    }

    /// Runs `bind` with the file-creation mask at 0177, so the socket files of an ipc connection
    /// are made 0600 (only this user may connect) with no moment at a wider mode. Called before
    /// any other thread of the kernel starts, as the mask is the process's.
    private func bindOwnerOnly<Bound>(_ bind: () throws(ZeroMQError) -> Bound) throws(ZeroMQError) -> Bound {
        guard connection.isIPC else { return try bind() }
        let previous = umask(0o177)
        defer { umask(previous) }
        return try bind()
    }

    /// Removes the socket files of an ipc connection, which ZeroMQ leaves when the kernel stops.
    private func removeSocketFiles() {
        guard connection.isIPC else { return }
        for port in connection.ports { unlink(connection.ipcPath(port: port)) }
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

    /// Until the kernel stops: welcomes new IOPub subscribers, publishes held stream text once it
    /// is old enough, and stops the kernel when `parent` is gone.
    private func serviceIOPub(of core: KernelCore, watching parent: ParentWatch?) {
        let checksPerParentLook = Int(ParentWatch.intervalSeconds / Self.serviceIntervalSeconds)
        var checks = 0
        while !stopping.load(ordering: .acquiring) {
            usleep(UInt32(Self.serviceIntervalSeconds * 1e6))
            core.welcomeNewSubscribers()
            core.flushDueOutput()
            checks += 1
            if checks % checksPerParentLook == 0, let parent, parent.parentIsGone { stopAsOrphan() }
        }
    }

    /// Stops the kernel because its parent is gone: interrupts the running cell and ends the loops;
    /// if the cell does not stop within the grace time, ends the process.
    private func stopAsOrphan() {
        log.warning("the process that started this kernel is gone; shutting down")
        InterruptFlag.process.set()
        stopping.store(true, ordering: .releasing)
        for _ in 0..<Int(Self.orphanGraceSeconds / Self.serviceIntervalSeconds) {
            if shellStopped.load(ordering: .acquiring) { return }
            usleep(UInt32(Self.serviceIntervalSeconds * 1e6))
        }
        log.error("the running cell did not stop; exiting")
        removeSocketFiles()
        _exit(1)
    }
}
