/// Candidates for completing the word at the cursor.
public struct Completion: Sendable, Equatable {
    /// One candidate and what it is.
    public struct Candidate: Sendable, Equatable {
        /// The text replacing the word.
        public let text: String
        /// What it is, shown beside it by front ends that can.
        public let kind: CompletionKind

        /// `text`, a `kind`.
        public init(_ text: String, _ kind: CompletionKind) {
            self.text = text
            self.kind = kind
        }
    }

    /// The candidates, sorted by text, each replacing the source from `start` to `end`.
    public let candidates: [Candidate]
    /// Scalar offset where the partial word starts.
    public let start: Int
    /// Scalar offset where the partial word ends (the cursor).
    public let end: Int

    /// `candidates` replacing the scalars from `start` to `end`.
    public init(candidates: [Candidate], start: Int, end: Int) {
        self.candidates = candidates
        self.start = start
        self.end = end
    }

    /// The candidates' texts, in order.
    public var matches: [String] { candidates.map(\.text) }
}

/// What a completion candidate is, as Jupyter's `_jupyter_types_experimental` names it beside
/// the match.
public enum CompletionKind: String, Sendable, Equatable {
    /// A command, such as `finetune`.
    case command
    /// A keyword or preposition, such as `for` or `on`.
    case keyword
    /// A variable of the session.
    case variable
    /// A built-in function, such as `mean`.
    case function
    /// A property after a dot, such as `.accuracy`.
    case property
    /// A keyword argument's label, such as `lr:`.
    case label
    /// A value a setting allows, such as `lora` after `method:`.
    case value
}
