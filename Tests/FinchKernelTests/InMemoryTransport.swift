@testable import FinchKernel
import Synchronization

/// Records what the core sends and serves stdin replies: the kernel without sockets.
///
/// A reply given with ``answerInputRequest(with:)`` arrives once the kernel sent an
/// `input_request`, as a front end's does; one given with ``queueInput(_:)`` is already waiting,
/// as a stale reply is.
final class InMemoryTransport: KernelTransport, Sendable {
    private struct State {
        var sent: [(Channel, Message)] = []
        var inputs: [Message] = []
        var answers: [Message] = []
        var waiting: [Message] = []
        var subscriptions: [String] = []
    }
    private let state = Mutex(State())

    func send(_ message: Message, on channel: Channel) {
        state.withLock { state in
            state.sent.append((channel, message))
            if channel == .stdin, message.type == "input_request", !state.answers.isEmpty {
                state.inputs.append(state.answers.removeFirst())
            }
        }
    }

    func receiveInput(timeoutMilliseconds: Int) -> Message? {
        state.withLock { $0.inputs.isEmpty ? nil : $0.inputs.removeFirst() }
    }

    func discardWaitingInput() -> Int {
        state.withLock { state in
            defer { state.inputs.removeAll() }
            return state.inputs.count
        }
    }

    func takeNewSubscriptions() -> [String] {
        state.withLock { state in
            defer { state.subscriptions.removeAll() }
            return state.subscriptions
        }
    }

    /// Makes an IOPub subscription to `topic`, as a front end connecting does.
    func subscribe(to topic: String) { state.withLock { $0.subscriptions.append(topic) } }

    func takeWaitingShellRequests() -> [Message] {
        state.withLock { state in
            defer { state.waiting.removeAll() }
            return state.waiting
        }
    }

    /// Puts `message` on stdin now, before any `input_request`.
    func queueInput(_ message: Message) { state.withLock { $0.inputs.append(message) } }

    /// Sends `message` on stdin when the kernel next sends an `input_request`.
    func answerInputRequest(with message: Message) { state.withLock { $0.answers.append(message) } }

    /// Puts `message` on shell as if it arrived while the current request ran.
    func queueShellRequest(_ message: Message) { state.withLock { $0.waiting.append(message) } }

    /// Messages sent on `channel`, in order.
    func sent(on channel: Channel) -> [Message] { state.withLock { $0.sent.filter { $0.0 == channel }.map(\.1) } }

    /// `channel:msg_type` of every message sent, in order.
    var sentTypes: [String] { state.withLock { $0.sent.map { "\($0.0.rawValue):\($0.1.type)" } } }

    /// The msg_types published on IOPub, in order.
    var iopubTypes: [String] {
        sent(on: .iopub).map { $0.type == "status" ? "status:\($0.content["execution_state"]?.stringValue ?? "")" : $0.type }
    }

    func reset() { state.withLock { $0.sent.removeAll() } }
}

/// An interpreter whose answers the test scripts: `error` fails, `wait` polls the interrupt flag,
/// `ask` requests input, `show` displays, `chatter` writes to both streams around a display,
/// anything else succeeds with its own text.
final class ScriptedInterpreter: KernelInterpreter {
    var executed: [String] = []

    var info: KernelInfo {
        KernelInfo(implementation: "scripted", implementationVersion: "0.1", languageName: "script", languageVersion: "1",
                   mimetype: "text/x-script", fileExtension: ".script", pygmentsLexer: "text", codemirrorMode: "null",
                   banner: "Scripted", helpLinks: [("Docs", "https://example.org")])
    }

    func execute(code: String, context: ExecutionContext) -> ExecutionOutcome {
        executed.append(code)
        switch code {
        case "error": return .failure(ErrorReport(name: "ScriptError", value: "it failed", traceback: ["line 1", "it failed"]))
        case "wait":
            while !context.isInterrupted {}
            return .failure(ErrorReport(name: "Interrupted", value: "interrupted", traceback: []))
        case "ask": return .success(result: RichOutput(plainText: context.requestInput(prompt: "name? ") ?? "<none>"))
        case "quit":
            context.askToExit()
            return .success(result: nil)
        case "show":
            context.stream("out\n")
            context.display(RichOutput(plainText: "shown"), displayID: "d1")
            context.updateDisplay(RichOutput(plainText: "updated"), displayID: "d1")
            context.clearOutput(wait: true)
            return .success(result: nil)
        case "chatter":
            for line in 1...3 { context.stream("out \(line)\n") }
            context.stream("err 1\n", toStandardError: true)
            context.stream("out 4\n")
            context.display(RichOutput(plainText: "shown"))
            context.stream("out 5\n")
            return .success(result: RichOutput(plainText: "done"))
        case "chart":
            return .success(result: RichOutput(plainText: "table"), displays: [RichOutput(plainText: "plot 1"), RichOutput(plainText: "plot 2")])
        default: return .success(result: RichOutput(plainText: code))
        }
    }

    func evaluate(expression: String) -> Result<RichOutput, ErrorReport> {
        expression == "bad" ? .failure(ErrorReport(name: "E", value: "bad", traceback: [])) : .success(RichOutput(plainText: "=\(expression)"))
    }

    func complete(code: String, cursor: Int) -> CompletionCandidates {
        CompletionCandidates(matches: ["print"], start: 0, end: cursor, types: ["command"])
    }

    func inspect(code: String, cursor: Int, detailLevel: Int) -> RichOutput? {
        code.isEmpty ? nil : RichOutput(plainText: "doc of \(code) at \(cursor)")
    }

    func isComplete(code: String) -> CodeCompleteness {
        code.hasSuffix("{") ? .incomplete(indent: "  ") : code.hasSuffix("}") ? .invalid : .complete
    }
}
