import FinchDisplay

/// The two text streams a session writes to.
public enum OutputStreamName: String, Sendable, Equatable {
    /// Normal output, e.g. from `print`.
    case stdout
    /// Warnings, e.g. from `warn`.
    case stderr
}

/// Where a session's side output goes: the kernel turns these into IOPub messages, `finch run`
/// prints them.
public protocol OutputSink: AnyObject {
    /// Appends `text` to `stream`.
    func write(_ text: String, to stream: OutputStreamName)
    /// Shows `bundle` as display data; `id` names it so later updates can replace it.
    func display(_ bundle: MimeBundle, id: String?)
    /// Replaces the display named `id` with `bundle`.
    func updateDisplay(_ bundle: MimeBundle, id: String)
    /// Clears the cell's output, at once or (`wait`) when the next output arrives.
    func clearOutput(wait: Bool)
}
