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
    public func endpoint(port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
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
