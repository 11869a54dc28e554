import FinchJSON
internal import Glibc

/// Makes the headers of the messages one kernel sends: a fresh `msg_id`, this kernel's session,
/// the current UTC time and the protocol version.
public struct HeaderFactory: Sendable {
    /// The protocol version this kernel implements.
    public static let protocolVersion = "5.3"
    /// The kernel's session id, the same on every message it sends.
    public let session: String
    /// The user name written in headers.
    public let username: String

    /// A factory for a new session with a random id.
    public init(username: String = "finch") {
        self.session = randomUUID()
        self.username = username
    }

    /// A header for a new message of `type`.
    public func header(type: String) -> JSONObject {
        [
            "msg_id": .string(randomUUID()),
            "session": .string(session),
            "username": .string(username),
            "date": .string(iso8601Now()),
            "msg_type": .string(type),
            "version": .string(Self.protocolVersion),
        ]
    }

    /// A message of `type` answering `parent`: same identities, `parent_header` set to its header.
    public func message(_ type: String, content: JSONObject, parent: Message?, metadata: JSONObject = [:]) -> Message {
        Message(identities: parent?.identities ?? [], header: header(type: type),
                parentHeader: parent?.header ?? [:], metadata: metadata, content: content)
    }
}

/// A random (version 4) UUID in its usual text form.
func randomUUID() -> String {
    var bytes = [UInt8](repeating: 0, count: 16)
    var generator = SystemRandomNumberGenerator()
    for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
    bytes[6] = bytes[6] & 0x0F | 0x40
    bytes[8] = bytes[8] & 0x3F | 0x80
    let hex = hexString(bytes)
    let characters = Array(hex)
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
}

/// The current UTC time as ISO 8601 with microseconds, e.g. `2026-11-24T03:04:05.123456Z`.
func iso8601Now() -> String {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    var seconds = now.tv_sec
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    let date = "\(padded(Int(parts.tm_year) + 1900, 4))-\(padded(Int(parts.tm_mon) + 1, 2))-\(padded(Int(parts.tm_mday), 2))"
    let time = "\(padded(Int(parts.tm_hour), 2)):\(padded(Int(parts.tm_min), 2)):\(padded(Int(parts.tm_sec), 2))"
    return "\(date)T\(time).\(padded(now.tv_nsec / 1000, 6))Z"
}
