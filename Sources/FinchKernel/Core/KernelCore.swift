import FinchJSON

/// What the message loop should do after a request was handled.
public enum AfterHandling: Sendable, Equatable {
    /// Go on serving.
    case proceed
    /// Shut down (the front end may start a new kernel when `restart` is set).
    case shutDown(restart: Bool)
}

/// What a handler asks of ``KernelCore/handle(_:on:)`` besides its reply.
enum HandlerOutcome: Equatable {
    /// Nothing more.
    case done
    /// A cell failed with `stop_on_error`: the execute requests already queued are answered `aborted`.
    case abortQueuedExecutions
    /// Shut down after this request.
    case shutDown(restart: Bool)
}

/// The protocol logic of the kernel, independent of sockets (xeus's `xkernel_core`): a table from
/// `msg_type` to handler; every request is wrapped in `status: busy` / `status: idle` on IOPub.
///
/// Threading: shell requests run on the shell thread, which alone touches the interpreter and the
/// history; the control thread calls ``handle(_:on:)`` only for control messages, which read no
/// shared state but the interrupt flag.
public final class KernelCore: @unchecked Sendable {
    let interpreter: any KernelInterpreter
    let transport: any KernelTransport
    let headers: HeaderFactory
    let interruptFlag: InterruptFlag
    let log: KernelLog
    let iopub: IOPubPublisher
    var executionCount = 0
    var history = History()

    /// A core serving `interpreter` over `transport`.
    public init(interpreter: any KernelInterpreter, transport: any KernelTransport, headers: HeaderFactory = HeaderFactory(),
                interruptFlag: InterruptFlag, log: KernelLog = KernelLog()) {
        self.interpreter = interpreter
        self.transport = transport
        self.headers = headers
        self.interruptFlag = interruptFlag
        self.log = log
        self.iopub = IOPubPublisher(transport: transport, headers: headers)
    }

    typealias Handler = @Sendable (KernelCore, Message, Channel) -> HandlerOutcome

    /// Requests served on shell, and those also served on control (messaging spec 5.x: control
    /// carries the same requests with priority; interrupt_request only there).
    static let shellHandlers: [String: Handler] = [
        "execute_request": { core, message, _ in core.execute(message) },
        "complete_request": { core, message, _ in core.complete(message) },
        "inspect_request": { core, message, _ in core.inspect(message) },
        "is_complete_request": { core, message, _ in core.isComplete(message) },
        "history_request": { core, message, _ in core.history(message) },
        "kernel_info_request": { core, message, channel in core.kernelInfo(message, on: channel) },
        "comm_info_request": { core, message, channel in core.commInfo(message, on: channel) },
        "comm_open": { core, message, _ in core.commOpen(message) },
        "shutdown_request": { core, message, channel in core.shutdown(message, on: channel) },
    ]
    static let controlHandlers: [String: Handler] = [
        "kernel_info_request": { core, message, channel in core.kernelInfo(message, on: channel) },
        "comm_info_request": { core, message, channel in core.commInfo(message, on: channel) },
        "shutdown_request": { core, message, channel in core.shutdown(message, on: channel) },
        "interrupt_request": { core, message, _ in core.interrupt(message) },
    ]
    /// Messages that need no reply and no busy/idle (the spec lets kernels ignore unknown comms).
    static let ignored: Set<String> = ["comm_msg", "comm_close", "input_reply"]

    /// Publishes `status: starting`, once, when the kernel comes up.
    public func announceStart() {
        publishStatus("starting", parent: nil)
    }

    /// Handles one request that arrived on `channel`. Never throws: an unknown type is logged and ignored.
    public func handle(_ message: Message, on channel: Channel) -> AfterHandling {
        let table = channel == .control ? Self.controlHandlers : Self.shellHandlers
        guard let handler = table[message.type] else {
            if !Self.ignored.contains(message.type) {
                log.warning("ignoring '\(message.type)' on \(channel.rawValue): not a request this kernel serves there")
            }
            return .proceed
        }
        publishStatus("busy", parent: message)
        let outcome = handler(self, message, channel)
        // Requests queued behind a failed cell are taken before `idle`, as ipykernel does, so a
        // front end that waits for idle before sending the next cell never sees it aborted.
        let queued = outcome == .abortQueuedExecutions ? transport.takeWaitingShellRequests() : []
        publishStatus("idle", parent: message)
        if case .shutDown(let restart) = outcome { return .shutDown(restart: restart) }
        for request in queued {
            if request.type == "execute_request" {
                abort(request)
            } else if case .shutDown(let restart) = handle(request, on: .shell) {
                return .shutDown(restart: restart)
            }
        }
        return .proceed
    }

    /// Answers an `execute_request` that was queued behind a failed cell: status `aborted`, nothing run.
    func abort(_ message: Message) {
        publishStatus("busy", parent: message)
        reply(to: message, on: .shell, ["status": "aborted", "execution_count": .int(executionCount)])
        publishStatus("idle", parent: message)
    }

    func publish(_ type: String, _ content: JSONObject, parent: Message?) {
        iopub.publish(type, content, parent: parent)
    }

    /// Publishes the stream text that has waited long enough; the server calls it on a timer.
    func flushDueOutput() {
        iopub.flushDue()
    }

    /// Welcomes each new IOPub subscriber with an `iopub_welcome` (JEP 65), so a front end knows
    /// its subscription is in place without probing; the server calls it on a timer.
    func welcomeNewSubscribers() {
        for topic in transport.takeNewSubscriptions() { iopub.welcome(topic: topic) }
    }

    func publishStatus(_ state: String, parent: Message?) {
        publish("status", ["execution_state": .string(state)], parent: parent)
    }

    /// Sends the reply to `request`, after any stream text held, so a front end has a cell's output before its reply.
    func reply(to request: Message, on channel: Channel, _ content: JSONObject, metadata: JSONObject = [:]) {
        iopub.flush()
        let type = String(request.type.dropLast("_request".count)) + "_reply"
        transport.send(headers.message(type, content: content, parent: request, metadata: metadata), on: channel)
    }
}
