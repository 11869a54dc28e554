/// Candidates for completing the word at the cursor.
public struct Completion: Sendable, Equatable {
    /// The candidates, sorted, each replacing the source from `start` to `end`.
    public let matches: [String]
    /// Scalar offset where the partial word starts.
    public let start: Int
    /// Scalar offset where the partial word ends (the cursor).
    public let end: Int

    /// Candidates `matches` replacing the scalars from `start` to `end`.
    public init(matches: [String], start: Int, end: Int) {
        self.matches = matches
        self.start = start
        self.end = end
    }
}
