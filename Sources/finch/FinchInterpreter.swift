import FinchDisplay
import FinchJSON
import FinchKernel
import FinchLanguage

/// Adapts a Finch language session to the kernel's interpreter protocol: the only place where
/// the kernel and the language meet.
final class FinchInterpreter: KernelInterpreter {
    private let sink = KernelOutputSink()
    private let session: FinchSession
    private var cellNumber = 0

    /// A fresh session whose long cells stop when `interruptFlag` is raised.
    init(interruptFlag: InterruptFlag) {
        session = FinchSession(output: sink, isInterrupted: { interruptFlag.isSet })
    }

    /// `pygments_lexer` is the wheel's Pygments lexer. JupyterLab has no Finch mode, so cells use its
    /// Python mode: `#` comments, double-quoted strings with backslash escapes, numbers with exponents
    /// and the keywords `and or not for in if else` read as Finch's do (only `true false none` stay plain).
    let info = KernelInfo(
        implementation: "finch", implementationVersion: FinchVersion.current,
        languageName: "finch", languageVersion: FinchVersion.current,
        mimetype: "text/x-finch", fileExtension: ".finch", pygmentsLexer: "finch", codemirrorMode: "python",
        banner: "Finch \(FinchVersion.current) — pre-train and fine-tune small neural networks. Type `help` for the commands.",
        helpLinks: [])

    func execute(code: String, context: ExecutionContext) -> FinchKernel.ExecutionOutcome {
        sink.context = context
        defer { sink.context = nil }
        let cellName = "cell [\(context.executionCount)]"
        switch session.execute(code) {
        case .success(let value): return .success(result: value.map { richOutput($0.main) }, displays: value?.figures.map(richOutput) ?? [])
        case .failure(let error): return .failure(report(error, source: code, cellName: cellName))
        }
    }

    func evaluate(expression: String) -> Result<RichOutput, ErrorReport> {
        session.evaluate(expression).map(richOutput).mapError { report($0, source: expression, cellName: "expression") }
    }

    func complete(code: String, cursor: Int) -> CompletionCandidates {
        let completion = session.complete(code, cursor: cursor)
        return CompletionCandidates(matches: completion.matches, start: completion.start, end: completion.end,
                                    types: completion.candidates.map(\.kind.rawValue))
    }

    func inspect(code: String, cursor: Int, detailLevel: Int) -> RichOutput? {
        session.inspect(code, cursor: cursor).map(richOutput)
    }

    func isComplete(code: String) -> CodeCompleteness {
        switch session.isComplete(code) {
        case .complete: .complete
        case .incomplete(let indent): .incomplete(indent: indent)
        case .invalid: .invalid
        }
    }

    private func report(_ error: FinchError, source: String, cellName: String) -> ErrorReport {
        ErrorReport(name: error.name, value: error.message, traceback: error.rendered(source: source, cellName: cellName))
    }
}

/// Turns a MIME bundle into the kernel's rich output.
func richOutput(_ bundle: MimeBundle) -> RichOutput {
    var data = JSONObject()
    for (mime, text) in bundle.representations.sorted(by: { $0.key < $1.key }) { data[mime] = .string(text) }
    return RichOutput(data: data)
}

/// Forwards a session's side output to the execution context of the running cell.
final class KernelOutputSink: OutputSink {
    var context: ExecutionContext?

    func write(_ text: String, to stream: OutputStreamName) {
        context?.stream(text, toStandardError: stream == .stderr)
    }

    func display(_ bundle: MimeBundle, id: String?) {
        context?.display(richOutput(bundle), displayID: id)
    }

    func updateDisplay(_ bundle: MimeBundle, id: String) {
        context?.updateDisplay(richOutput(bundle), displayID: id)
    }

    func clearOutput(wait: Bool) {
        context?.clearOutput(wait: wait)
    }

    func readLine(prompt: String, password: Bool) -> String? {
        context?.requestInput(prompt: prompt, password: password)
    }

    func page(_ bundle: MimeBundle) {
        context?.page(richOutput(bundle))
    }

    func endSession() {
        context?.askToExit()
    }
}
