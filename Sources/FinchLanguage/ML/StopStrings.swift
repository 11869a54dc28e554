import FinchEngine

/// Strings that end a generated text (`generate … stop: "."`): generation stops as soon as the
/// text made contains one, and the text is cut where the first of them begins.
struct StopStrings {
    /// The stop strings, none empty.
    let strings: [String]

    /// Where the earliest stop string in `text` begins, if any does.
    func cut(_ text: String) -> String.Index? {
        strings.compactMap { text.firstRange(of: $0)?.lowerBound }.min()
    }

    /// A continuation `produced` that reads as `text`, without the stop string and after it, and
    /// without the token that completed the stop string.
    func trimmed(_ text: String, _ produced: [GeneratedToken]) -> (text: String, tokens: [GeneratedToken]) {
        guard let cut = cut(text) else { return (text, produced) }
        return (String(text[..<cut]), Array(produced.dropLast()))
    }
}
