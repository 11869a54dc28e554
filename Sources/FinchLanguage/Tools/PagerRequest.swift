import FinchEngine

/// The IPython habit `NAME?` (or `?NAME`): a cell that asks for the doc of one name, answered
/// in the front end's pager instead of running.
enum PagerRequest {
    /// The name a cell such as `print?` asks about, or nil for any other cell.
    static func name(in source: String) -> String? {
        let text = source.trimmingWhitespace
        let name: Substring
        if text.hasSuffix("?") { name = text.dropLast() } else if text.hasPrefix("?") { name = text.dropFirst() } else { return nil }
        guard let first = name.first, first.isLetter || first == "_",
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return String(name)
    }

    /// The doc of `name`, or a name error (with a suggestion) pointing at it in `source`.
    static func doc(of name: String, in source: String, commands: CommandTable) throws(FinchError) -> String {
        if let text = Documentation.text(for: name, commands: commands) { return text }
        let scalars = Array(source.unicodeScalars), wanted = Array(name.unicodeScalars)
        let offset = (0...(scalars.count - wanted.count)).first { Array(scalars[$0..<($0 + wanted.count)]) == wanted } ?? 0
        let before = scalars[..<offset]
        let line = before.filter { $0 == "\n" }.count + 1
        let column = offset - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0) + 1
        throw FinchError(NameFailure.noHelp(name, topics: Documentation.names(commands: commands)),
                         at: SourceRange(offset: offset, line: line, column: column, length: wanted.count))
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
