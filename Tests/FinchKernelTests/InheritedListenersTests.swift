@testable import FinchKernel
import Glibc
import Testing

/// Listening sockets handed over by `finch-launch`: taken only when they listen where the
/// connection file says, closed otherwise, and adopted by the kernel's sockets.
@Suite struct InheritedListenersTests {
    /// A TCP socket bound to 127.0.0.1 on a free port, listening unless told not to: (fd, port).
    static func socketOnLoopback(listening: Bool = true) -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 ? getsockname(fd, pointer, &length) : -1
            }
        }
        if listening { listen(fd, 10) }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    static func tcp(_ ip: String, ports: [Int]) -> ConnectionInfo {
        ConnectionInfo(transport: "tcp", ip: ip, shellPort: ports[0], iopubPort: ports[1], stdinPort: ports[2],
                       controlPort: ports[3], heartbeatPort: ports[4], key: "secret", signatureScheme: "hmac-sha256")
    }

    static func isOpen(_ fd: Int32) -> Bool { fcntl(fd, F_GETFD) != -1 }

    /// The inode of the socket behind `fd`, which tells one socket from another that reuses its number.
    static func inode(_ fd: Int32) -> UInt {
        var info = stat()
        return fstat(fd, &info) == 0 ? UInt(info.st_ino) : 0
    }

    @Test func readsPortAndDescriptorPairsAndIgnoresTheRest() {
        var ignored = InheritedListeners(listing: "junk,7002=x,7003=1,=4,7004=10=11")
        #expect([7002, 7003, 7004].allSatisfy { ignored.take(port: $0, of: Self.tcp("127.0.0.1", ports: [$0, 2, 3, 4, 5])) == nil })
        let (fd, port) = Self.socketOnLoopback()
        defer { close(fd) }
        var listeners = InheritedListeners(listing: "junk,\(port)=\(fd),7003=1")
        #expect(listeners.take(port: port, of: Self.tcp("127.0.0.1", ports: [port, 2, 3, 4, 5])) == fd)
        #expect(fcntl(fd, F_GETFD) & FD_CLOEXEC != 0)
        #expect(listeners.take(port: port, of: Self.tcp("127.0.0.1", ports: [port, 2, 3, 4, 5])) == nil)
    }

    @Test func closesASocketThatDoesNotListenWhereTheConnectionSays() {
        let (quiet, quietPort) = Self.socketOnLoopback(listening: false)
        let (other, otherPort) = Self.socketOnLoopback()
        let (loopback, loopbackPort) = Self.socketOnLoopback()
        let inodes = [quiet, other, loopback].map(Self.inode)
        var listeners = InheritedListeners(listing: "\(quietPort)=\(quiet),\(otherPort + 1)=\(other),\(loopbackPort)=\(loopback)")
        let ports = [quietPort, otherPort + 1, loopbackPort, 4, 5]
        #expect(listeners.take(port: quietPort, of: Self.tcp("127.0.0.1", ports: ports)) == nil)
        #expect(listeners.take(port: otherPort + 1, of: Self.tcp("127.0.0.1", ports: ports)) == nil)
        #expect(listeners.take(port: loopbackPort, of: Self.tcp("0.0.0.0", ports: ports)) == nil)
        // Closed (a test running beside this one may have reused a number, never the socket).
        #expect(zip([quiet, other, loopback], inodes).allSatisfy { !Self.isOpen($0.0) || Self.inode($0.0) != $0.1 })
    }
}
