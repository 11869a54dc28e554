/// Helpers for laying out monospaced text. Width counts characters (grapheme clusters), which is
/// right for the ASCII, box-drawing, block and braille characters the renderers use.
extension String {
    /// The number of terminal columns the string takes.
    var displayWidth: Int { count }

    /// The string right-aligned in `width` columns.
    func padded(toWidth width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - displayWidth))
        return right ? fill + self : self + fill
    }

    /// The string centred in `width` columns (extra space goes to the right).
    func centred(inWidth width: Int) -> String {
        let space = max(0, width - displayWidth)
        return String(repeating: " ", count: space / 2) + self
            + String(repeating: " ", count: space - space / 2)
    }

    /// The string cut to `width` columns, ending in `…` when cut.
    func truncated(toWidth width: Int) -> String {
        guard displayWidth > width else { return self }
        guard width > 0 else { return "" }
        return String(prefix(width - 1)) + "…"
    }

    /// The string without trailing spaces.
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}

extension Array where Element == String {
    /// The lines joined with newlines, each line without trailing spaces.
    var joinedLines: String { map(\.trimmingTrailingSpaces).joined(separator: "\n") }
}
