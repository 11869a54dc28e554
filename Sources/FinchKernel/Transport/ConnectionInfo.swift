import FinchJSON

/// The connection file Jupyter writes for a kernel: where to bind each channel and how to sign.
public struct ConnectionInfo: Sendable, Equatable {
    /// `tcp` or `ipc`.
    public var transport: String
    /// The address to bind (tcp) or the path prefix (ipc).
    public var ip: String
    /// The shell channel's port.
    public var shellPort: Int
    /// The IOPub channel's port.
    public var iopubPort: Int
    /// The stdin channel's port.
    public var stdinPort: Int
    /// The control channel's port.
    public var controlPort: Int
    /// The heartbeat's port.
    public var heartbeatPort: Int
    /// The HMAC key; empty disables signing.
    public var key: String
    /// E.g. `hmac-sha256`.
    public var signatureScheme: String

    /// The endpoint for `port`: `tcp://ip:port`, or `ipc://ip-port` as jupyter_client names ipc files.
    ///
    /// ZeroMQ binds to interfaces and numeric addresses, not host names, so `localhost` binds
    /// `127.0.0.1` (which is what a client connecting to `localhost` over IPv4 reaches); an IPv6
    /// address is written in brackets, `tcp://[::1]:port`, and needs ``isIPv6`` sockets.
    public func endpoint(port: Int) -> String {
        if isIPC { return "ipc://\(ipcPath(port: port))" }
        let host = ip == "localhost" ? "127.0.0.1" : ip
        return host.contains(":") ? "tcp://[\(host)]:\(port)" : "tcp://\(host):\(port)"
    }

    /// Whether the channels are Unix domain sockets (`transport: "ipc"`).
    public var isIPC: Bool { transport == "ipc" }

    /// Whether the address is IPv6 (it holds a `:`), so the sockets must have ZeroMQ's IPv6 switched on.
    public var isIPv6: Bool { !isIPC && ip.contains(":") }

    /// The file of the ipc socket for `port`.
    public func ipcPath(port: Int) -> String { "\(ip)-\(port)" }

    /// The ports of the five channels.
    public var ports: [Int] { [shellPort, iopubPort, stdinPort, controlPort, heartbeatPort] }

    /// Whether the address can be reached from this machine only: `localhost`, `127.0.0.0/8` or `::1`.
    public var isLoopback: Bool {
        if isIPC { return true }
        if ip == "localhost" || ip == "::1" { return true }
        let octets = ip.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// What is unsafe in this connection, for the kernel to warn about when it starts.
    public var risks: [ConnectionRisk] {
        var risks: [ConnectionRisk] = []
        if key.isEmpty { risks.append(.unsigned) }
        if !isLoopback { risks.append(.reachableFromNetwork(ip: ip)) }
        return risks
    }
}

/// A connection a kernel serves but should warn about: it lets others run code.
public enum ConnectionRisk: Sendable, Equatable, CustomStringConvertible {
    /// The key is empty: messages are not signed, so anyone who can reach the sockets can run code.
    case unsigned
    /// The address is not a loopback one: other machines can reach the sockets.
    case reachableFromNetwork(ip: String)

    public var description: String {
        switch self {
        case .unsigned:
            "the connection file has an empty key: messages are not signed, so anyone who can reach the kernel's sockets can run code"
        case .reachableFromNetwork(let ip):
            "binding to \(ip), which is not a loopback address: the kernel's sockets can be reached from other machines"
        }
    }
}

/// Why a connection file could not be used.
public enum ConnectionFileError: Error, Equatable, CustomStringConvertible {
    /// The file is not JSON.
    case malformed(path: String, reason: String)
    /// A required field is missing or of the wrong type.
    case missingField(path: String, field: String)

    public var description: String {
        switch self {
        case .malformed(let path, let reason): "connection file \(path) is not valid JSON: \(reason)"
        case .missingField(let path, let field): "connection file \(path) lacks a valid '\(field)'"
        }
    }
}

extension ConnectionInfo {
    /// The connection in the bytes of the connection file at `path` (named in errors).
    public static func parse(_ bytes: [UInt8], path: String) throws(ConnectionFileError) -> ConnectionInfo {
        let value: JSONValue
        do { value = try JSONValue.parse(bytes) } catch { throw .malformed(path: path, reason: error.description) }
        return try parse(value, path: path)
    }

    /// The connection described by `value`; `path` is named in errors.
    public static func parse(_ value: JSONValue, path: String) throws(ConnectionFileError) -> ConnectionInfo {
        func port(_ field: String) throws(ConnectionFileError) -> Int {
            guard let port = value[field]?.intValue, (0...65535).contains(port) else {
                throw .missingField(path: path, field: field)
            }
            return port
        }
        guard let ip = value["ip"]?.stringValue else { throw .missingField(path: path, field: "ip") }
        return ConnectionInfo(
            transport: value["transport"]?.stringValue ?? "tcp", ip: ip,
            shellPort: try port("shell_port"), iopubPort: try port("iopub_port"), stdinPort: try port("stdin_port"),
            controlPort: try port("control_port"), heartbeatPort: try port("hb_port"),
            key: value["key"]?.stringValue ?? "", signatureScheme: value["signature_scheme"]?.stringValue ?? "hmac-sha256")
    }
}
