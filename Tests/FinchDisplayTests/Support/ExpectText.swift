import Testing

/// Compares rendered text with a golden literal; on a mismatch, shows the actual text whole, so
/// it can be read (and, once checked by eye, pasted) as a literal.
func expectText(_ actual: String, _ expected: String,
                sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    var first = 0
    while first < min(actualLines.count, expectedLines.count), actualLines[first] == expectedLines[first] {
        first += 1
    }
    Issue.record("""
        Text differs from line \(first + 1). Actual:
        \(actual)
        ---- end of actual
        """, sourceLocation: sourceLocation)
}

/// Expects `xml` to be well-formed.
func expectWellFormed(_ xml: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if let problem = xmlProblem(xml) {
        Issue.record("Not well-formed: \(problem)\n\(xml)", sourceLocation: sourceLocation)
    }
}

/// The text without trailing spaces on any line, for goldens of padded output.
func trimmingLineEnds(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }.joined(separator: "\n")
}
