import FinchJSON

/// One Jupyter message: routing identities, the four JSON parts and any binary buffers.
///
/// The header and parent header are kept as received, so a reply can echo its parent exactly.
public struct Message: Sendable, Equatable {
    /// ZeroMQ routing identities (the frames before `<IDS|MSG>`); replies go back to them.
    public var identities: [[UInt8]]
    /// `msg_id`, `session`, `username`, `date`, `msg_type`, `version`.
    public var header: JSONObject
    /// The header of the message this one answers, or empty.
    public var parentHeader: JSONObject
    /// Free-form metadata.
    public var metadata: JSONObject
    /// The message-type-specific content.
    public var content: JSONObject
    /// Extra binary frames after the content.
    public var buffers: [[UInt8]]

    /// A message from its parts.
    public init(identities: [[UInt8]] = [], header: JSONObject, parentHeader: JSONObject = [:],
                metadata: JSONObject = [:], content: JSONObject = [:], buffers: [[UInt8]] = []) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    /// The header's `msg_type`, or an empty string.
    public var type: String { header["msg_type"]?.stringValue ?? "" }

    /// The header's `msg_id`, or an empty string.
    public var id: String { header["msg_id"]?.stringValue ?? "" }
}
