import ArgumentParser
import FinchKernel
import FinchLanguage

/// `finch kernel --connection-file F`: what kernel.json runs.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel", abstract: "Run as a Jupyter kernel on the sockets of a connection file.")

    @Option(name: .long, help: "The connection file Jupyter wrote for this kernel.")
    var connectionFile: String

    @Flag(name: .long, help: "Log every message handled, on standard error.")
    var debug = false

    func run() throws {
        try requireProcessorFeatures()
        guard let bytes = readFileBytes(connectionFile) else {
            throw CommandFailure("cannot read connection file \(connectionFile): \(systemError())")
        }
        let connection: ConnectionInfo
        do { connection = try ConnectionInfo.parse(bytes, path: connectionFile) } catch {
            throw CommandFailure(error.description)
        }
        let log = KernelLog(minimum: debug ? .debug : .warning)
        try KernelServer(connection: connection, log: log).run(FinchInterpreter(interruptFlag: .process))
    }
}
