import FinchJSON

/// Why frames received from a socket are not a message this kernel will act on.
public enum WireError: Error, Equatable, CustomStringConvertible {
    /// No `<IDS|MSG>` delimiter frame.
    case missingDelimiter
    /// Fewer than the signature and four JSON frames after the delimiter.
    case missingFrames(count: Int)
    /// The signature does not match the frames: the message is dropped, never executed.
    case badSignature
    /// A JSON frame (`header`, `parent_header`, `metadata` or `content`) is not a JSON object.
    case malformedPart(name: String, reason: String)

    public var description: String {
        switch self {
        case .missingDelimiter: "no <IDS|MSG> delimiter"
        case .missingFrames(let count): "expected a signature and 4 JSON frames after <IDS|MSG>, got \(count) frames"
        case .badSignature: "invalid message signature"
        case .malformedPart(let name, let reason): "\(name) is not a JSON object: \(reason)"
        }
    }
}

/// The wire form of messages: `[identities…, "<IDS|MSG>", signature, header, parent_header,
/// metadata, content, buffers…]` (messaging spec, "The Wire Protocol").
public struct WireCodec: Sendable {
    /// The delimiter between routing identities and the message proper.
    public static let delimiter = Array("<IDS|MSG>".utf8)
    private let signer: any MessageSigner

    /// A codec signing and verifying with `signer`.
    public init(signer: any MessageSigner) { self.signer = signer }

    /// The frames for `message`, signed.
    public func encode(_ message: Message) -> [[UInt8]] {
        let parts = [message.header, message.parentHeader, message.metadata, message.content]
            .map { JSONValue.object($0).serializedBytes }
        let signature = Array(signer.signature(of: parts).utf8)
        return message.identities + [Self.delimiter, signature] + parts + message.buffers
    }

    /// The message in `frames`, after its signature is verified over the frames as received.
    public func decode(_ frames: [[UInt8]]) throws(WireError) -> Message {
        guard let delimiterIndex = frames.firstIndex(of: Self.delimiter) else { throw .missingDelimiter }
        let rest = frames[(delimiterIndex + 1)...]
        guard rest.count >= 5 else { throw .missingFrames(count: rest.count) }
        let signature = String(decoding: rest[rest.startIndex], as: UTF8.self)
        let parts = Array(rest.dropFirst().prefix(4))
        guard signer.verify(signature, of: parts) else { throw .badSignature }
        let names = ["header", "parent_header", "metadata", "content"]
        var objects: [JSONObject] = []
        for (name, part) in zip(names, parts) { objects.append(try Self.object(named: name, from: part)) }
        return Message(identities: Array(frames[..<delimiterIndex]), header: objects[0], parentHeader: objects[1],
                       metadata: objects[2], content: objects[3], buffers: Array(rest.dropFirst(5)))
    }

    private static func object(named name: String, from bytes: [UInt8]) throws(WireError) -> JSONObject {
        let value: JSONValue
        do { value = try JSONValue.parse(bytes) } catch { throw .malformedPart(name: name, reason: error.description) }
        guard let object = value.objectValue else { throw .malformedPart(name: name, reason: "not an object") }
        return object
    }
}
