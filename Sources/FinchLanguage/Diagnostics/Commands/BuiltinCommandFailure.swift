/// Arguments and situations the language's general commands cannot work with: `ask` with no one
/// to answer, `display` updating without an id, and the counts of `repeat` and `sleep`.
enum BuiltinCommandFailure: LanguageFailure, Equatable, Sendable {
    /// `ask` in a front end that sends no input.
    case noOneToAsk
    /// `display … update: true` without `id:`.
    case updateWithoutID
    /// `repeat` given `value`, which is not a whole number of times.
    case repeatCount(value: String)
    /// `sleep` given `value`, which is not from 0 to 3600 seconds.
    case sleepSeconds(value: String)

    /// An argument error for the missing id, value errors otherwise.
    var kind: ErrorKind {
        switch self {
        case .updateWithoutID: .argument
        case .noOneToAsk, .repeatCount, .sleepSeconds: .value
        }
    }

    /// What the command cannot do.
    var message: String {
        switch self {
        case .noOneToAsk: "no one can answer 'ask' here: this front end does not send input"
        case .updateWithoutID: "'update: true' needs an 'id:' naming the display to replace"
        case .repeatCount(let value): "'repeat' needs a whole number of times, not \(value)"
        case .sleepSeconds(let value): "'sleep' needs from 0 to 3600 seconds, not \(value)"
        }
    }

    /// None of these has a note.
    var note: String? { nil }
}
