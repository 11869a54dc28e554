/// A prompt with one place for the example's text, e.g. `"{text} it was a"`: the text before
/// `{text}`, and the text after it, which the label's verbaliser follows directly.
struct PromptTemplate: Equatable, Sendable {
    /// The placeholder the example's text replaces.
    static let placeholder = "{text}"

    /// The text before and after the placeholder.
    let before: String, after: String

    /// The template `text`, or nil when it has no `{text}` (the first one is the place; later
    /// ones stay as written).
    init?(_ text: String) {
        let marker = Array(Self.placeholder)
        var start = text.startIndex
        while start < text.endIndex, !text[start...].starts(with: marker) { start = text.index(after: start) }
        guard start < text.endIndex else { return nil }
        before = String(text[..<start])
        after = String(text[text.index(start, offsetBy: marker.count)...])
    }

    /// The prompt for `text`.
    func render(_ text: String) -> String { before + text + after }
}
