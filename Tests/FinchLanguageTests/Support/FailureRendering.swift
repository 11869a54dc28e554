@testable import FinchLanguage
import Testing

/// The kind, message and note a failure renders, compared as one value so a mismatch shows all three.
struct Rendered: Equatable, CustomStringConvertible {
    let kind: ErrorKind
    let message: String
    let note: String?

    var description: String { "\(kind.name): \(message)" + (note.map { " [note: \($0)]" } ?? "") }
}

/// One failure and the literal text it must render.
struct Case {
    let failure: any LanguageFailure
    let expected: Rendered

    init(_ failure: any LanguageFailure, _ kind: ErrorKind, _ message: String, note: String? = nil) {
        self.failure = failure
        expected = Rendered(kind: kind, message: message, note: note)
    }
}

/// Checks that each case renders, through ``FinchError``, exactly its literal text.
func expectRendering(_ cases: [Case], sourceLocation: SourceLocation = #_sourceLocation) {
    for item in cases {
        let error = FinchError(item.failure, at: nil)
        let rendered = Rendered(kind: error.kind, message: error.message, note: error.note)
        #expect(rendered == item.expected, "\(item.failure)", sourceLocation: sourceLocation)
    }
}
