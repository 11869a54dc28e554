/// Renders a ``FinchError`` as plain traceback lines, in the style of swift-syntax's
/// diagnostics formatter:
///
/// ```
/// NameError: unknown name 'lenght'
///  --> cell [3]:2:5
///   |
/// 2 | x = lenght + 1
///   |     ^^^^^^ did you mean 'length'?
/// ```
struct DiagnosticRenderer {
    /// The source the error's range points into.
    let source: String
    /// The name shown in the location line, e.g. `cell [3]`.
    let cellName: String

    /// The traceback lines for `error`.
    func render(_ error: FinchError) -> [String] {
        let headline = "\(error.name): \(error.message)"
        guard let range = error.range else { return [headline] }
        let lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        guard range.line >= 1, range.line <= lines.count else {
            return [headline, " --> \(cellName):\(range.line):\(range.column)"]
        }
        let text = Array(lines[range.line - 1])
        let number = String(range.line)
        let gutter = String(repeating: " ", count: number.count)
        let prefix = text.prefix(max(0, range.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        let available = max(1, text.count - (range.column - 1))
        let carets = String(repeating: "^", count: max(1, min(range.length, available)))
        let marker = "\(gutter) | \(prefix)\(carets)" + (error.note.map { " \($0)" } ?? "")
        return [
            headline,
            "\(gutter)--> \(cellName):\(range.line):\(range.column)",
            "\(gutter) |",
            "\(number) | \(String(String.UnicodeScalarView(text)))",
            marker,
        ]
    }
}
