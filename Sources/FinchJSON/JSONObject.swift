/// A JSON object: keys in insertion order, each at most once.
///
/// Lookup by key is linear, which suits the small objects of the Jupyter protocol and of
/// checkpoint headers.
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The members in insertion order.
    public private(set) var members: [(key: String, value: JSONValue)] = []

    /// An empty object.
    public init() {}

    /// An object with these members, in this order; a repeated key keeps its first place and its
    /// last value. Linear in the number of members, however many there are.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        var builder = Builder()
        for (key, value) in members { builder.set(key, value) }
        self = builder.finished
    }

    /// An object with these members, in this order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// The member `key`; setting `nil` removes it, setting an existing key replaces it in place.
    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// Whether both objects have the same members, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }

    /// Builds an object member by member in linear time, however many members it has: keys are
    /// found by a linear scan while the object is small, by a hash table once it is large (so a
    /// hostile message with a million keys costs a million steps, not half a trillion).
    struct Builder {
        private var members: [(key: String, value: JSONValue)] = []
        private var positions: [String: Int] = [:]
        /// Up to this many members, a scan is cheaper than hashing.
        private static let scanLimit = 16

        /// Sets `key` as ``JSONObject/subscript(_:)`` does: a repeated key keeps its first place and its last value.
        mutating func set(_ key: String, _ value: JSONValue) {
            if members.count < Self.scanLimit {
                if let index = members.firstIndex(where: { $0.key == key }) {
                    members[index].value = value
                } else {
                    members.append((key, value))
                }
                return
            }
            if positions.isEmpty {
                for (index, member) in members.enumerated() { positions[member.key] = index }
            }
            if let index = positions[key] {
                members[index].value = value
            } else {
                positions[key] = members.count
                members.append((key, value))
            }
        }

        /// The object built.
        var finished: JSONObject { JSONObject(uniqueMembers: members) }
    }

    /// An object from members whose keys are known to be distinct.
    private init(uniqueMembers: [(key: String, value: JSONValue)]) { self.members = uniqueMembers }
}
