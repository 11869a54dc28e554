import ArgumentParser
import FinchDisplay
import FinchKernel
import FinchLanguage
internal import Glibc

/// `finch run FILE.finch`: runs a script headless, printing what a notebook would show as text.
///
/// A line starting with `# %%` begins a new cell, as in the scripts the notebooks are built
/// from: each cell's value is printed, as a notebook shows each cell's result.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a Finch script and print its output as text.",
        discussion: "Lines starting with '# %%' divide the script into cells; the value of each cell's last line is printed. Exits with status 1 at the first error, after printing it.")

    @Argument(help: "The script to run (.finch).")
    var file: String

    func run() throws {
        try prepareEngine()
        let bytes: [UInt8]
        do { bytes = try readFileBytes(file) } catch { throw CommandFailure(error.description) }
        let source = String(decoding: bytes, as: UTF8.self)
        InterruptFlag.installSignalHandler()
        let sink = TerminalSink()
        let session = FinchSession(output: sink, isInterrupted: { InterruptFlag.process.isSet })
        for cell in Self.cells(of: source) {
            switch session.execute(cell) {
            case .success(let value):
                for output in value?.outputs ?? [] { sink.printLine(output.plainText) }
            case .failure(let error):
                for line in error.rendered(source: cell, cellName: file) { writeStandard(line + "\n", toError: true) }
                throw ExitCode.failure
            }
        }
    }

    /// The cells of `source`, split before each `# %%` line. Each cell is padded with the blank
    /// lines before it, so the line numbers of its errors are those of the file.
    static func cells(of source: String) -> [String] {
        var cells: [String] = []
        var current: [Substring] = []
        var firstLine = 0
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            if line.hasPrefix("# %%"), !current.isEmpty {
                cells.append(String(repeating: "\n", count: firstLine) + current.joined(separator: "\n"))
                current = []
                firstLine = number
            }
            current.append(line)
        }
        cells.append(String(repeating: "\n", count: firstLine) + current.joined(separator: "\n"))
        return cells
    }
}

/// Writes a session's output to the terminal: streams as they are, displays as their text form.
/// A one-line display with an id (a progress bar) is a single line on standard error that each
/// update rewrites in place; a multi-line update of it (the final summary) ends that line.
final class TerminalSink: OutputSink {
    private var liveLine: String?

    func write(_ text: String, to stream: OutputStreamName) {
        endLiveLine()
        writeStandard(text, toError: stream == .stderr)
    }

    func display(_ bundle: MimeBundle, id: String?) {
        show(bundle.plainText, live: id != nil)
    }

    func updateDisplay(_ bundle: MimeBundle, id: String) {
        show(bundle.plainText, live: true)
    }

    func clearOutput(wait: Bool) {}

    func page(_ bundle: MimeBundle) { printLine(bundle.plainText) }

    func endSession() { Glibc.exit(0) }

    /// A terminal redraws the progress bar; a log file or pipe gets a line at every tenth.
    let redrawsInPlace = isatty(STDERR_FILENO) != 0

    func readLine(prompt: String, password: Bool) -> String? {
        endLiveLine()
        writeStandard(prompt)
        return Swift.readLine()
    }

    func printLine(_ text: String) {
        endLiveLine()
        writeStandard(text + "\n")
    }

    private func show(_ text: String, live: Bool) {
        guard live, !text.contains("\n") else { return printLine(text) }
        // Carriage return, the new text, then erase what is left of a longer previous line.
        writeStandard("\r" + text + "\u{1B}[K", toError: true)
        liveLine = text
    }

    private func endLiveLine() {
        guard liveLine != nil else { return }
        writeStandard("\n", toError: true)
        liveLine = nil
    }
}
