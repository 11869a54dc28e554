/// An error found while reading or running Finch source, with where it happened.
///
/// Detection creates these values; ``rendered(source:cellName:)`` turns one into traceback lines.
public struct FinchError: Error, Sendable, Equatable {
    /// The family of the error.
    public let kind: ErrorKind
    /// What went wrong, in one sentence without the kind.
    public let message: String
    /// Where in the source it went wrong, if anywhere.
    public let range: SourceRange?
    /// A hint shown beside the caret, such as `did you mean 'length'?`.
    public let note: String?

    /// An error of `kind` saying `message` about `range`, with an optional `note`.
    public init(_ kind: ErrorKind, _ message: String, at range: SourceRange?, note: String? = nil) {
        self.kind = kind
        self.message = message
        self.range = range
        self.note = note
    }

    /// The Jupyter `ename`, e.g. `NameError`.
    public var name: String { kind.name }

    /// Traceback lines: the message, the location, the source line and a caret under the range.
    public func rendered(source: String, cellName: String) -> [String] {
        DiagnosticRenderer(source: source, cellName: cellName).render(self)
    }
}

extension FinchError {
    /// The error raised when the user interrupts the statement at `range`; `names` are what the
    /// statement assigned before it stopped (a partial run, say).
    static func interrupted(at range: SourceRange?, keeping names: [String] = []) -> FinchError {
        FinchError(Interruption(kept: names), at: range)
    }
}
