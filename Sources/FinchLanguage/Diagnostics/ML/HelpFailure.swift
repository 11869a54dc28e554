import FinchEngine

/// A request for the doc of a name that has none, from `NAME?` in the pager.
enum HelpFailure: LanguageFailure, Equatable, Sendable {
    /// A name `name` with no doc; `names` are those that have one, for the "did you mean" note.
    case noHelp(String, names: [String])

    /// Always ``ErrorKind/name``.
    var kind: ErrorKind { .name }

    /// Which name has no doc.
    var message: String {
        switch self {
        case .noHelp(let name, _): "no help for '\(name)'"
        }
    }

    /// The closest name that has a doc.
    var note: String? {
        switch self {
        case let .noHelp(name, names): Suggestion.note(for: name, in: names)
        }
    }
}
