import FinchJSON

/// What an interpreter may do while running a cell: publish output, ask for input and check for
/// interrupts. Made by the kernel for each `execute_request`; every message it publishes has
/// that request as its parent.
public final class ExecutionContext {
    /// The `execution_count` of this cell.
    public let executionCount: Int
    /// Whether the request had `silent: true`: output is still computed, but not published.
    public let isSilent: Bool
    /// Whether the front end can answer `input_request` on stdin.
    public let allowsStdin: Bool
    private let publish: (String, JSONObject) -> Void
    private let askInput: (String, Bool) -> String?
    private let interrupted: () -> Bool
    /// Payloads for the `execute_reply` (messaging spec, "Payloads"), in the order asked for.
    public private(set) var payloads: [JSONObject] = []

    /// A context publishing through `publish(msgType, content)`, reading input through `askInput(prompt, password)`.
    public init(executionCount: Int, isSilent: Bool, allowsStdin: Bool,
                publish: @escaping (String, JSONObject) -> Void,
                askInput: @escaping (String, Bool) -> String?,
                isInterrupted: @escaping () -> Bool) {
        self.executionCount = executionCount
        self.isSilent = isSilent
        self.allowsStdin = allowsStdin
        self.publish = publish
        self.askInput = askInput
        self.interrupted = isInterrupted
    }

    /// Whether the user asked to stop the running cell; poll it often (every ~10 ms of work).
    public var isInterrupted: Bool { interrupted() }

    /// Publishes text on `stdout` or `stderr` (a `stream` message).
    public func stream(_ text: String, toStandardError: Bool = false) {
        guard !isSilent, !text.isEmpty else { return }
        publish("stream", ["name": .string(toStandardError ? "stderr" : "stdout"), "text": .string(text)])
    }

    /// Publishes `output` as `display_data`; with `displayID` it can be updated later.
    public func display(_ output: RichOutput, displayID: String? = nil) {
        guard !isSilent else { return }
        publish("display_data", Self.displayContent(output, displayID: displayID))
    }

    /// Replaces every display shown with `displayID` by `output` (`update_display_data`).
    public func updateDisplay(_ output: RichOutput, displayID: String) {
        guard !isSilent else { return }
        publish("update_display_data", Self.displayContent(output, displayID: displayID))
    }

    /// Clears the cell's output, at once or (`wait`) when the next output arrives.
    public func clearOutput(wait: Bool) {
        guard !isSilent else { return }
        publish("clear_output", ["wait": .bool(wait)])
    }

    /// Asks the front end for a line of input; `nil` when stdin is not allowed or the cell was interrupted.
    public func requestInput(prompt: String, password: Bool = false) -> String? {
        guard allowsStdin else { return nil }
        return askInput(prompt, password)
    }

    /// Shows `output` in the front end's pager (the `page` payload: JupyterLab shows it below the
    /// cell, `jupyter console` in its pager).
    public func page(_ output: RichOutput) {
        payloads.append(["source": "page", "data": .object(output.data), "start": 0])
    }

    /// Asks the front end to end the session after this cell (the `ask_exit` payload, which
    /// `jupyter console` honours); with `keepKernel` the kernel is left running.
    public func askToExit(keepKernel: Bool = false) {
        payloads.append(["source": "ask_exit", "keepkernel": .bool(keepKernel)])
    }

    private static func displayContent(_ output: RichOutput, displayID: String?) -> JSONObject {
        var content: JSONObject = ["data": .object(output.data), "metadata": .object(output.metadata)]
        content["transient"] = .object(displayID.map { ["display_id": .string($0)] } ?? [:])
        return content
    }
}
