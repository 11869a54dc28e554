@testable import FinchKernel
import Glibc
import Testing

/// A kernel's start: its sockets are bound before the interpreter is made, so a client that
/// connects at once is not refused while the session is built, and listening sockets handed
/// over by `finch-launch` are adopted. Serialized: both read the process's environment.
@Suite(.serialized) struct KernelServerStartTests {
    struct NotMade: Error {}

    @Test func bindsEverySocketBeforeMakingTheInterpreter() throws {
        let folder = "/tmp/finch-start-\(getpid())"
        let connection = ConnectionInfo(transport: "ipc", ip: folder, shellPort: 1, iopubPort: 2, stdinPort: 3,
                                        controlPort: 4, heartbeatPort: 5, key: "secret", signatureScheme: "hmac-sha256")
        var boundWhenMade: [Bool] = []
        #expect(throws: NotMade.self) {
            try KernelServer(connection: connection, log: KernelLog()).run {
                var info = stat()
                boundWhenMade = connection.ports.map { stat(connection.ipcPath(port: $0), &info) == 0 }
                throw NotMade()
            }
        }
        #expect(boundWhenMade == [true, true, true, true, true])
        // A kernel that could not make its interpreter leaves no socket files behind.
        var info = stat()
        #expect(connection.ports.allSatisfy { stat(connection.ipcPath(port: $0), &info) != 0 })
    }

    @Test func theKernelAdoptsEveryInheritedListenerAndForgetsTheVariable() throws {
        let sockets = (0..<5).map { _ in InheritedListenersTests.socketOnLoopback() }
        // The kernel's sockets own them, and close them when it stops.
        let inodes = sockets.map { InheritedListenersTests.inode($0.0) }
        setenv(InheritedListeners.variable, sockets.map { "\($0.1)=\($0.0)" }.joined(separator: ","), 1)
        let connection = InheritedListenersTests.tcp("127.0.0.1", ports: sockets.map(\.1))
        var adopted: [Bool] = [], variableGone = false
        #expect(throws: NotMade.self) {
            try KernelServer(connection: connection, log: KernelLog()).run {
                adopted = zip(sockets, inodes).map { InheritedListenersTests.isOpen($0.0.0) && InheritedListenersTests.inode($0.0.0) == $0.1 }
                variableGone = getenv(InheritedListeners.variable) == nil
                throw NotMade()
            }
        }
        #expect(adopted == [true, true, true, true, true])
        #expect(variableGone)
    }
}
