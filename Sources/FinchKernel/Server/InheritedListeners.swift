internal import Glibc

/// The listening sockets a kernel was started with. `finch-launch` opens the TCP ports of the
/// connection file before finch has loaded, so a client that connects at once is queued instead
/// of refused, and names them in `FINCH_LISTENING_FDS` as `port=fd,…`. A socket is used only if
/// it really listens for TCP on the connection's IPv4 address and that port; any other, and any
/// left over, is closed.
struct InheritedListeners {
    /// The environment variable `finch-launch` sets.
    static let variable = "FINCH_LISTENING_FDS"
    private var descriptors: [Int: Int32]

    /// The listeners named by `listing` (`port=fd,…`); entries that are not two numbers are ignored.
    init(listing: String?) {
        var descriptors: [Int: Int32] = [:]
        for entry in (listing ?? "").split(separator: ",") {
            let parts = entry.split(separator: "=")
            guard parts.count == 2, let port = Int(parts[0]), let fd = Int32(parts[1]), fd > 2 else { continue }
            descriptors[port] = fd
        }
        self.descriptors = descriptors
    }

    /// The listeners of this process's environment, which then forgets the variable (so nothing
    /// the kernel starts sees it).
    static func fromEnvironment() -> InheritedListeners {
        let listing = getenv(variable).map { String(cString: $0) }
        unsetenv(variable)
        return InheritedListeners(listing: listing)
    }

    /// The descriptor listening on `port` of `connection`'s address, if one was inherited and
    /// checks out; a descriptor that does not is closed. Each is handed out once.
    mutating func take(port: Int, of connection: ConnectionInfo) -> Int32? {
        guard let fd = descriptors.removeValue(forKey: port) else { return nil }
        guard !connection.isIPC, Self.listens(fd, onIPv4: connection.ip, port: port) else {
            close(fd)
            return nil
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return fd
    }

    /// Closes every descriptor not taken.
    mutating func closeRest() {
        for fd in descriptors.values { close(fd) }
        descriptors = [:]
    }

    /// Whether `fd` is a listening TCP socket bound to `ip` (numeric IPv4) and `port`.
    static func listens(_ fd: Int32, onIPv4 ip: String, port: Int) -> Bool {
        var expected = in_addr()
        guard inet_pton(AF_INET, ip, &expected) == 1 else { return false }
        var accepting: Int32 = 0, type: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &size) == 0, accepting == 1 else { return false }
        size = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &size) == 0, type == Int32(SOCK_STREAM.rawValue) else { return false }
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return named == 0 && address.sin_family == sa_family_t(AF_INET)
            && Int(UInt16(bigEndian: address.sin_port)) == port
            && address.sin_addr.s_addr == expected.s_addr
    }
}
