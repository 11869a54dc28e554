/// The user stopping a statement; `kept` are the names it assigned before it stopped.
struct Interruption: LanguageFailure, Equatable, Sendable {
    /// What the interrupted statement assigned before it stopped (a partial run, say).
    let kept: [String]

    /// Always ``ErrorKind/interrupted``.
    var kind: ErrorKind { .interrupted }

    /// That the user interrupted, and which names kept what finished.
    var message: String {
        guard !kept.isEmpty else { return "interrupted by the user" }
        return "interrupted by the user; \(kept.joined(separator: ", ")) kept what finished before the interrupt"
    }

    /// None: interrupting is what the user asked for.
    var note: String? { nil }
}
