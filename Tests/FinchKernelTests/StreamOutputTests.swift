import FinchJSON
@testable import FinchKernel
import Testing

/// Stream text is joined per stream and request, and published before anything else of the cell.
@Suite struct StreamOutputTests {
    let transport = InMemoryTransport()
    let headers = HeaderFactory(username: "client")

    func request(_ code: String) -> Message {
        var message = headers.message("execute_request", content: ["code": .string(code)], parent: nil)
        message.identities = [Array("client-id".utf8)]
        return message
    }

    @Test func aCellsWritesAreJoinedPerStreamInTheOrderWritten() throws {
        let core = KernelCore(interpreter: ScriptedInterpreter(), transport: transport, interruptFlag: InterruptFlag())
        let execute = request("chatter")
        _ = core.handle(execute, on: .shell)
        #expect(transport.iopubTypes == ["status:busy", "execute_input", "stream", "stream", "stream", "display_data",
                                         "stream", "execute_result", "status:idle"])
        let streams = transport.sent(on: .iopub).filter { $0.type == "stream" }
        #expect(streams.map { $0.content["name"] } == ["stdout", "stderr", "stdout", "stdout"])
        #expect(streams.map { $0.content["text"] } == ["out 1\nout 2\nout 3\n", "err 1\n", "out 4\n", "out 5\n"])
        #expect(streams.allSatisfy { $0.parentHeader == execute.header && $0.identities == [Array("stream".utf8)] })
    }

    @Test func streamTextIsPublishedBeforeTheReply() {
        let core = KernelCore(interpreter: ScriptedInterpreter(), transport: transport, interruptFlag: InterruptFlag())
        _ = core.handle(request("chatter"), on: .shell)
        let order = transport.sentTypes.filter { $0 != "iopub:status" }
        #expect(order.suffix(3) == ["iopub:stream", "iopub:execute_result", "shell:execute_reply"])
    }

    @Test func heldTextWaitsForItsFlushInterval() {
        var buffer = StreamBuffer()
        let parent = request("x")
        #expect(buffer.append("a", to: "stdout", parent: parent, now: 0).isEmpty)
        #expect(buffer.append("b", to: "stdout", parent: parent, now: 0.1).isEmpty)
        #expect(buffer.takeDue(now: 0.19) == nil)
        let due = buffer.takeDue(now: StreamBuffer.flushInterval)
        #expect(due?.text == "ab" && due?.name == "stdout" && due?.since == 0)
        #expect(buffer.pending == nil)
        #expect(buffer.takeDue(now: 100) == nil)
    }

    @Test func textForAnotherStreamOrRequestSendsWhatIsHeldFirst() {
        var buffer = StreamBuffer()
        let first = request("1"), second = request("2")
        _ = buffer.append("a", to: "stdout", parent: first, now: 0)
        #expect(buffer.append("e", to: "stderr", parent: first, now: 0).map(\.text) == ["a"])
        #expect(buffer.append("b", to: "stderr", parent: second, now: 0).map(\.text) == ["e"])
        #expect(buffer.takeAll()?.parent.id == second.id)
    }

    @Test func aFullBufferIsSentAtOnce() {
        var buffer = StreamBuffer()
        let parent = request("x")
        let line = String(repeating: "x", count: 1023) + "\n"
        var sent: [StreamBuffer.Pending] = []
        for _ in 0..<(StreamBuffer.capacity / 1024 * 2) { sent += buffer.append(line, to: "stdout", parent: parent, now: 0) }
        #expect(sent.map { $0.text.utf8.count } == [StreamBuffer.capacity, StreamBuffer.capacity])
        #expect(buffer.pending == nil)
    }
}
