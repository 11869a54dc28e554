/// The cells this kernel session ran with `store_history`, for `history_request`.
///
/// Entries are `(session, line, input)` with `line` the cell's execution count; with
/// `output: true` the third element is `[input, output]`, as IPython answers.
struct History {
    /// One stored cell.
    struct Entry: Equatable {
        var line: Int
        var input: String
        var output: String?
    }

    /// The number of this session in replies (this kernel keeps one session in memory).
    static let session = 1
    private(set) var entries: [Entry] = []

    mutating func record(line: Int, input: String, output: String?) {
        entries.append(Entry(line: line, input: input, output: output))
    }

    /// The last `count` entries.
    func tail(_ count: Int) -> [Entry] { Array(entries.suffix(max(0, count))) }

    /// Entries of `session` (0 = this one) with `start <= line < stop`; `stop` ≤ 0 means to the end.
    func range(session: Int, start: Int, stop: Int) -> [Entry] {
        guard session == 0 || session == Self.session else { return [] }
        return entries.filter { $0.line >= start && (stop <= 0 || $0.line < stop) }
    }

    /// Entries whose input matches the glob `pattern`; the last `count` (all when `nil`),
    /// each input once when `unique` (its latest run kept).
    func search(pattern: String, count: Int?, unique: Bool) -> [Entry] {
        let glob = Glob(pattern)
        var matches = entries.filter { glob.matches($0.input) }
        if unique {
            var seen = Set<String>()
            matches = matches.reversed().filter { seen.insert($0.input).inserted }.reversed()
        }
        if let count { matches = Array(matches.suffix(max(0, count))) }
        return matches
    }
}

/// A shell-style wildcard pattern: `*` any run, `?` one character, `[abc]`/`[a-z]`/`[!x]` a class.
struct Glob {
    private let pattern: [Character]

    init(_ pattern: String) { self.pattern = Array(pattern) }

    func matches(_ text: String) -> Bool {
        let text = Array(text)
        var patternIndex = 0, textIndex = 0
        var backtrack: (pattern: Int, text: Int)?
        while textIndex < text.count {
            if patternIndex < pattern.count, pattern[patternIndex] == "*" {
                backtrack = (patternIndex, textIndex)
                patternIndex += 1
                continue
            }
            if patternIndex < pattern.count, let width = matchOne(at: patternIndex, text[textIndex]) {
                patternIndex += width
                textIndex += 1
                continue
            }
            guard let star = backtrack else { return false }
            patternIndex = star.pattern + 1
            textIndex = star.text + 1
            backtrack = (star.pattern, star.text + 1)
        }
        while patternIndex < pattern.count, pattern[patternIndex] == "*" { patternIndex += 1 }
        return patternIndex == pattern.count
    }

    /// The pattern width consumed when the element at `index` matches `character`, else `nil`.
    private func matchOne(at index: Int, _ character: Character) -> Int? {
        switch pattern[index] {
        case "?": return 1
        case "[":
            guard let close = pattern[(index + 1)...].dropFirst().firstIndex(of: "]") else {
                return character == "[" ? 1 : nil
            }
            var members = Array(pattern[(index + 1)..<close])
            let negated = members.first == "!" || members.first == "^"
            if negated { members.removeFirst() }
            var found = false
            var position = 0
            while position < members.count {
                if position + 2 < members.count, members[position + 1] == "-" {
                    if members[position] <= character && character <= members[position + 2] { found = true }
                    position += 3
                } else {
                    if members[position] == character { found = true }
                    position += 1
                }
            }
            return found != negated ? close - index + 1 : nil
        case let literal: return literal == character ? 1 : nil
        }
    }
}
