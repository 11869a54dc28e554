/// The kernel's five channels (messaging spec, "Introduction").
public enum Channel: String, Sendable {
    /// Requests from front ends: execute, complete, inspect, history, …
    case shell
    /// Like shell, on its own thread, so interrupt and shutdown are served while a cell runs.
    case control
    /// Broadcast of side effects: status, streams, displays, results, errors.
    case iopub
    /// Input requests to the front end.
    case stdin
    /// Liveness pings, echoed.
    case heartbeat
}

/// How the kernel core sends messages and waits for input replies: ZeroMQ sockets in the kernel
/// process, an in-memory recorder in tests.
public protocol KernelTransport: AnyObject, Sendable {
    /// Sends `message` on `channel`; safe to call from the shell and control threads at once.
    func send(_ message: Message, on channel: Channel)
    /// The next message on stdin, waiting at most `timeoutMilliseconds`; `nil` if none came.
    func receiveInput(timeoutMilliseconds: Int) -> Message?
    /// Drops every message already waiting on stdin, without waiting; returns how many.
    func discardWaitingInput() -> Int
    /// The UTF-8 topics of the IOPub subscriptions made since the last call, without waiting;
    /// each needs an `iopub_welcome`.
    func takeNewSubscriptions() -> [String]
    /// The requests already waiting on shell, taken without waiting (to abort them after a failure).
    func takeWaitingShellRequests() -> [Message]
}
