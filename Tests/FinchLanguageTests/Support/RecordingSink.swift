import FinchDisplay
import FinchLanguage

/// An output sink that remembers everything a session sends it.
final class RecordingSink: OutputSink {
    /// One call made on the sink.
    enum Event: Equatable {
        case write(String, OutputStreamName)
        case display(MimeBundle, id: String?)
        case update(MimeBundle, id: String)
        case clear(wait: Bool)
        case page(MimeBundle)
        case endSession
    }

    private(set) var events: [Event] = []
    /// The answers `readLine` gives, in order; `nil` once they run out.
    var answers: [String] = []
    /// Whether progress is drawn in place (a notebook) or as lines (a log).
    var redrawsInPlace = true
    /// The prompts `readLine` was asked with.
    private(set) var prompts: [String] = []

    /// Everything written to standard output, concatenated.
    var stdout: String { text(of: .stdout) }
    /// Everything written to standard error, concatenated.
    var stderr: String { text(of: .stderr) }
    /// The plain text of every display, one after another.
    var displayedText: String {
        events.map { if case .display(let bundle, _) = $0 { bundle.plainText + "\n" } else { "" } }.joined()
    }

    func write(_ text: String, to stream: OutputStreamName) { events.append(.write(text, stream)) }
    func display(_ bundle: MimeBundle, id: String?) { events.append(.display(bundle, id: id)) }
    func updateDisplay(_ bundle: MimeBundle, id: String) { events.append(.update(bundle, id: id)) }
    func clearOutput(wait: Bool) { events.append(.clear(wait: wait)) }
    func page(_ bundle: MimeBundle) { events.append(.page(bundle)) }
    func endSession() { events.append(.endSession) }
    func readLine(prompt: String, password: Bool) -> String? {
        prompts.append(password ? "(hidden) " + prompt : prompt)
        return answers.isEmpty ? nil : answers.removeFirst()
    }

    private func text(of stream: OutputStreamName) -> String {
        events.map { if case .write(let text, stream) = $0 { text } else { "" } }.joined()
    }
}
