/// A failure of one area of the language (syntax, names, arguments, functions, operations,
/// elements), told by a typed case that holds its data; each conforming type renders all of its
/// texts in one place, as FinchData's `DataError` does.
///
/// Detection throws `FinchError(failure, at: range)`; the rendered kind, message and note are
/// what ``FinchError`` carries to the kernel, unchanged.
protocol LanguageFailure {
    /// The family of the failure.
    var kind: ErrorKind { get }
    /// What went wrong, in one sentence without the kind.
    var message: String { get }
    /// A hint shown beside the caret, if any.
    var note: String? { get }
}

extension FinchError {
    /// The error that renders `failure` at `range`.
    init(_ failure: some LanguageFailure, at range: SourceRange?) {
        self.init(failure.kind, failure.message, at: range, note: failure.note)
    }
}

