@testable import FinchKernel
import Testing

/// How the kernel binds what a connection file asks for, what it warns about, and its limits.
@Suite struct ConnectionPostureTests {
    func connection(ip: String, transport: String = "tcp", key: String = "secret") -> ConnectionInfo {
        ConnectionInfo(transport: transport, ip: ip, shellPort: 1, iopubPort: 2, stdinPort: 3, controlPort: 4,
                       heartbeatPort: 5, key: key, signatureScheme: "hmac-sha256")
    }

    @Test(arguments: [("127.0.0.1", "tcp://127.0.0.1:9", false), ("localhost", "tcp://127.0.0.1:9", false),
                      ("::1", "tcp://[::1]:9", true), ("0.0.0.0", "tcp://0.0.0.0:9", false), ("::", "tcp://[::]:9", true)])
    func bindsNumericAddressesWithIPv6InBrackets(ip: String, endpoint: String, isIPv6: Bool) {
        #expect(connection(ip: ip).endpoint(port: 9) == endpoint)
        #expect(connection(ip: ip).isIPv6 == isIPv6)
    }

    @Test func ipcIsNeverIPv6AndNamesItsFilesByPort() {
        let ipc = connection(ip: "/run/k:1", transport: "ipc")
        #expect(!ipc.isIPv6)
        #expect(ipc.ports.map(ipc.ipcPath) == ["/run/k:1-1", "/run/k:1-2", "/run/k:1-3", "/run/k:1-4", "/run/k:1-5"])
    }

    @Test(arguments: ["127.0.0.1", "127.1.2.3", "localhost", "::1"])
    func aLoopbackConnectionWithAKeyRisksNothing(ip: String) {
        #expect(connection(ip: ip).risks.isEmpty)
    }

    @Test(arguments: ["0.0.0.0", "::", "*", "192.168.1.7", "127.0.0", "127.0.0.1.5", "eth0"])
    func anAddressOthersCanReachIsARisk(ip: String) {
        #expect(connection(ip: ip).risks == [.reachableFromNetwork(ip: ip)])
    }

    @Test func anEmptyKeyIsARiskAndSaysWhy() {
        let risks = connection(ip: "0.0.0.0", key: "").risks
        #expect(risks == [.unsigned, .reachableFromNetwork(ip: "0.0.0.0")])
        #expect(risks.map(\.description) == [
            "the connection file has an empty key: messages are not signed, so anyone who can reach the kernel's sockets can run code",
            "binding to 0.0.0.0, which is not a loopback address: the kernel's sockets can be reached from other machines",
        ])
        #expect(connection(ip: "/tmp/k", transport: "ipc", key: "").risks == [.unsigned])
    }

    @Test(arguments: [(nil, 256 << 20), ("1048576", 1 << 20), ("512K", 512 << 10), ("64M", 64 << 20), ("2g", 2 << 30)])
    func readsTheMaximumMessageSize(text: String?, bytes: Int) throws {
        #expect(try KernelLimits(maximumMessageSize: text).maximumMessageBytes == bytes)
    }

    @Test(arguments: ["", "0", "-5", "12X", "M", "9999999999999G", "1.5M"])
    func refusesASizeThatIsNotOne(text: String) {
        #expect(throws: KernelLimitsError.invalidSize(text)) { try KernelLimits(maximumMessageSize: text) }
    }

    @Test func saysHowToWriteASize() {
        #expect(KernelLimitsError.invalidSize("12X").description
            == "FINCH_MAX_MESSAGE_SIZE must be a positive number of bytes, optionally with K, M or G (got '12X')")
    }
}
