/// A glob over dotted names: `*` matches any run of characters (dots included). A pattern
/// matches a name when it matches the whole name or a prefix ending at a dot, so `blocks.1`
/// matches `blocks.1.attn.q.weight`.
public struct NamePattern: Equatable, Sendable {
    /// The pattern text.
    public let text: String
    private let pattern: [Character]

    /// A pattern from text such as `blocks.*.attn.q` or `embed`.
    public init(_ text: String) {
        self.text = text
        pattern = Array(text)
    }

    /// Whether `name` (or a dotted prefix of it) matches.
    public func matches(_ name: String) -> Bool {
        let characters = Array(name)
        if glob(pattern[...], characters[...]) { return true }
        for (i, c) in characters.enumerated() where c == "." {
            if glob(pattern[...], characters[..<i]) { return true }
        }
        return false
    }

    private func glob(_ p: ArraySlice<Character>, _ s: ArraySlice<Character>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "*" {
            var rest = s
            while true {
                if glob(p.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        }
        guard let c = s.first, c == first else { return false }
        return glob(p.dropFirst(), s.dropFirst())
    }
}
