/// Whether a cell's source is ready to run, as Jupyter's `is_complete_request` asks.
public enum Completeness: Sendable, Equatable {
    /// The source can run as it is.
    case complete
    /// The source is waiting for more lines; the next line should start with `indent`.
    case incomplete(indent: String)
    /// The source can never become valid by adding lines.
    case invalid
}
