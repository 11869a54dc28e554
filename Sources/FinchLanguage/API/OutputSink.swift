import FinchDisplay

/// The two text streams a session writes to.
public enum OutputStreamName: String, Sendable, Equatable {
    /// Normal output, e.g. from `print`.
    case stdout
    /// Warnings, e.g. from `warn`.
    case stderr
}

/// Where a session's side output goes, and where it reads what the user types: the kernel turns
/// these into IOPub and stdin messages, `finch run` uses the terminal.
public protocol OutputSink: AnyObject {
    /// Appends `text` to `stream`.
    func write(_ text: String, to stream: OutputStreamName)
    /// Shows `bundle` as display data; `id` names it so later updates can replace it.
    func display(_ bundle: MimeBundle, id: String?)
    /// Replaces the display named `id` with `bundle`.
    func updateDisplay(_ bundle: MimeBundle, id: String)
    /// Clears the cell's output, at once or (`wait`) when the next output arrives.
    func clearOutput(wait: Bool)
    /// Asks the user for one line of text after showing `prompt` (hidden input when `password`);
    /// `nil` when no one can answer (stdin not allowed, end of input, or an interrupt).
    func readLine(prompt: String, password: Bool) -> String?
    /// Shows `bundle` in the front end's pager (a terminal prints it).
    func page(_ bundle: MimeBundle)
    /// Asks the front end to end the session: `jupyter console` closes, `finch run` stops.
    func endSession()
    /// Whether a display can be redrawn in place (a notebook, a terminal); where it cannot (a
    /// log file, a pipe), progress comes as a few lines instead.
    var redrawsInPlace: Bool { get }
}

extension OutputSink {
    /// Notebooks and terminals redraw; a sink writing to a log says otherwise.
    public var redrawsInPlace: Bool { true }

    /// Shows the outputs of `presentation` in order; `id` names the main one.
    func display(_ presentation: Presentation, id: String? = nil) {
        display(presentation.main, id: id)
        for figure in presentation.figures { display(figure, id: nil) }
    }
}
