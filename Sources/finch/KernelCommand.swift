import ArgumentParser
import FinchKernel
import FinchLanguage
internal import Glibc

/// `finch kernel --connection-file F`: what kernel.json runs.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel", abstract: "Run as a Jupyter kernel on the sockets of a connection file.")

    @Option(name: .long, help: "The connection file Jupyter wrote for this kernel.")
    var connectionFile: String

    @Flag(name: .long, help: "Log every message handled, on standard error.")
    var debug = false

    @Option(name: .long, help: ArgumentHelp(
        "The largest message frame accepted, in bytes or with K, M or G (default 256M, or $\(KernelLimits.maximumMessageBytesVariable)).",
        valueName: "size"))
    var maxMessageSize: String?

    /// Reads the connection file, binds its sockets, and only then readies the engine and makes
    /// the session (see `KernelServer.run`).
    func run() throws {
        let bytes: [UInt8]
        do { bytes = try readFileBytes(connectionFile) } catch {
            throw CommandFailure("cannot read connection file \(connectionFile): \(error.reason)")
        }
        let connection: ConnectionInfo
        do { connection = try ConnectionInfo.parse(bytes, path: connectionFile) } catch {
            throw CommandFailure(error.description)
        }
        let limits: KernelLimits
        do {
            let variable = getenv(KernelLimits.maximumMessageBytesVariable).map { String(cString: $0) }
            limits = try KernelLimits(maximumMessageSize: maxMessageSize ?? variable)
        } catch { throw CommandFailure(error.description) }
        let log = KernelLog(minimum: debug ? .debug : .warning)
        try KernelServer(connection: connection, limits: limits, log: log).run {
            try prepareEngine()
            return FinchInterpreter(interruptFlag: .process)
        }
    }
}
