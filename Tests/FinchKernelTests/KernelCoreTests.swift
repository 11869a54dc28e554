import FinchJSON
@testable import FinchKernel
import Glibc
import Testing

@Suite struct KernelCoreTests {
    let transport = InMemoryTransport()
    let interpreter = ScriptedInterpreter()
    let flag = InterruptFlag()
    let headers = HeaderFactory(username: "client")
    var core: KernelCore { KernelCore(interpreter: interpreter, transport: transport, interruptFlag: flag) }

    func request(_ type: String, _ content: JSONObject) -> Message {
        var message = headers.message(type, content: content, parent: nil)
        message.identities = [Array("client-id".utf8)]
        return message
    }

    func onlyReply(on channel: Channel = .shell) throws -> Message {
        let replies = transport.sent(on: channel)
        try #require(replies.count == 1)
        return replies[0]
    }

    @Test func aResultsDisplaysFollowItInOrder() {
        let execute = request("execute_request", ["code": "chart"])
        _ = core.handle(execute, on: .shell)
        #expect(transport.iopubTypes == ["status:busy", "execute_input", "execute_result", "display_data", "display_data", "status:idle"])
        #expect(transport.sent(on: .iopub).compactMap { $0.content["data"]?["text/plain"]?.stringValue } == ["table", "plot 1", "plot 2"])
        _ = core.handle(request("execute_request", ["code": "chart", "silent": true]), on: .shell)
        #expect(transport.iopubTypes.filter { $0 == "display_data" }.count == 2, "a silent cell shows nothing")
    }

    @Test func executeRunsTheCellBetweenBusyAndIdle() throws {
        let core = core
        let execute = request("execute_request", ["code": "6*7"])
        #expect(core.handle(execute, on: .shell) == .proceed)
        #expect(transport.iopubTypes == ["status:busy", "execute_input", "execute_result", "status:idle"])
        #expect(transport.sent(on: .iopub).allSatisfy { $0.parentHeader == execute.header })
        let result = transport.sent(on: .iopub)[2]
        #expect(result.content["data"]?["text/plain"] == "6*7")
        #expect(result.content["execution_count"] == 1)
        let reply = try onlyReply()
        #expect(reply.type == "execute_reply")
        #expect(reply.identities == execute.identities)
        #expect(reply.content["status"] == "ok")
        #expect(reply.content["execution_count"] == 1)
    }

    @Test func executionCountGrowsOnlyWithStoredHistory() throws {
        let core = core
        _ = core.handle(request("execute_request", ["code": "a"]), on: .shell)
        _ = core.handle(request("execute_request", ["code": "b", "store_history": false]), on: .shell)
        _ = core.handle(request("execute_request", ["code": "c", "silent": true]), on: .shell)
        _ = core.handle(request("execute_request", ["code": "d"]), on: .shell)
        #expect(transport.sent(on: .shell).map { $0.content["execution_count"] } == [1, 1, 1, 2])
    }

    @Test func silentExecutionPublishesOnlyStatus() {
        _ = core.handle(request("execute_request", ["code": "show", "silent": true]), on: .shell)
        #expect(transport.iopubTypes == ["status:busy", "status:idle"])
    }

    @Test func sideOutputIsPublishedWithTheDisplayID() throws {
        _ = core.handle(request("execute_request", ["code": "show"]), on: .shell)
        #expect(transport.iopubTypes == ["status:busy", "execute_input", "stream", "display_data", "update_display_data",
                                         "clear_output", "status:idle"])
        let published = transport.sent(on: .iopub)
        #expect(published[2].content["name"] == "stdout" && published[2].content["text"] == "out\n")
        #expect(published[3].content["transient"]?["display_id"] == "d1")
        #expect(published[4].content["data"]?["text/plain"] == "updated")
        #expect(published[5].content["wait"] == true)
    }

    @Test func aFailingCellPublishesTheErrorAndRepliesWithIt() throws {
        #expect(core.handle(request("execute_request", ["code": "error", "stop_on_error": false]), on: .shell) == .proceed)
        #expect(transport.iopubTypes == ["status:busy", "execute_input", "error", "status:idle"])
        let reply = try onlyReply()
        #expect(reply.content["status"] == "error")
        #expect(reply.content["ename"] == "ScriptError")
        #expect(reply.content["evalue"] == "it failed")
        #expect(reply.content["traceback"] == ["line 1", "it failed"])
    }

    @Test func executionsQueuedBehindAFailureAreAbortedBeforeIdle() throws {
        let queued = request("execute_request", ["code": "never"])
        transport.queueShellRequest(queued)
        transport.queueShellRequest(request("kernel_info_request", [:]))
        #expect(core.handle(request("execute_request", ["code": "error"]), on: .shell) == .proceed)
        #expect(interpreter.executed == ["error"])
        let replies = transport.sent(on: .shell)
        #expect(replies.map(\.type) == ["execute_reply", "execute_reply", "kernel_info_reply"])
        #expect(replies.map { $0.content["status"] } == ["error", "aborted", "ok"])
        #expect(replies[1].parentHeader == queued.header)
        #expect(transport.iopubTypes == ["status:busy", "execute_input", "error", "status:idle",
                                         "status:busy", "status:idle", "status:busy", "status:idle"])
    }

    @Test func stopOnErrorFalseKeepsTheQueue() {
        transport.queueShellRequest(request("execute_request", ["code": "later"]))
        _ = core.handle(request("execute_request", ["code": "error", "stop_on_error": false]), on: .shell)
        #expect(transport.sent(on: .shell).count == 1)
        #expect(transport.takeWaitingShellRequests().count == 1)
    }

    @Test func userExpressionsAreEvaluatedAfterTheCell() throws {
        _ = core.handle(request("execute_request", ["code": "1", "user_expressions": ["x": "y", "z": "bad"]]), on: .shell)
        let expressions = try #require(try onlyReply().content["user_expressions"])
        #expect(expressions["x"]?["status"] == "ok")
        #expect(expressions["x"]?["data"]?["text/plain"] == "=y")
        #expect(expressions["z"]?["status"] == "error")
        #expect(expressions["z"]?["ename"] == "E")
    }

    @Test func anInterruptStopsTheRunningCell() throws {
        let core = core
        let interrupt = request("interrupt_request", [:])
        let interrupter = NativeThread {
            usleep(50_000)
            _ = core.handle(interrupt, on: .control)
        }
        #expect(core.handle(request("execute_request", ["code": "wait"]), on: .shell) == .proceed)
        interrupter.join()
        #expect(flag.isSet)
        #expect(transport.sent(on: .control).first?.type == "interrupt_reply")
    }

    @Test func inputIsRequestedOnStdinFromTheRequester() throws {
        let core = core
        transport.answerInputRequest(with: inputReply("Ada"))
        let execute = request("execute_request", ["code": "ask", "allow_stdin": true])
        _ = core.handle(execute, on: .shell)
        let asked = try #require(transport.sent(on: .stdin).first)
        #expect(asked.type == "input_request" && asked.content["prompt"] == "name? ")
        #expect(asked.identities == execute.identities)
        #expect(transport.sent(on: .shell).first?.content["status"] == "ok")
        #expect(transport.sent(on: .iopub).first { $0.type == "execute_result" }?.content["data"]?["text/plain"] == "Ada")
    }

    func inputReply(_ value: String) -> Message {
        headers.message("input_reply", content: ["value": .string(value)], parent: nil)
    }

    /// The `text/plain` of each cell's `execute_result`, in order.
    var results: [String?] {
        transport.sent(on: .iopub).filter { $0.type == "execute_result" }.map { $0.content["data"]?["text/plain"]?.stringValue }
    }

    @Test func aReplyWaitingOnStdinBeforeTheRequestDoesNotAnswerIt() throws {
        let core = core
        transport.queueInput(inputReply("unsolicited"))
        transport.queueInput(headers.message("comm_msg", content: [:], parent: nil))
        transport.answerInputRequest(with: inputReply("Ada"))
        _ = core.handle(request("execute_request", ["code": "ask", "allow_stdin": true]), on: .shell)
        #expect(results == ["Ada"])
    }

    @Test func aReplyLeftOverFromAnEarlierRequestDoesNotAnswerTheNext() throws {
        let core = core
        transport.answerInputRequest(with: inputReply("Ada"))
        _ = core.handle(request("execute_request", ["code": "ask", "allow_stdin": true]), on: .shell)
        transport.queueInput(inputReply("Ada, again"))
        transport.answerInputRequest(with: inputReply("Grace"))
        _ = core.handle(request("execute_request", ["code": "ask", "allow_stdin": true]), on: .shell)
        #expect(results == ["Ada", "Grace"])
        #expect(transport.sent(on: .stdin).map(\.type) == ["input_request", "input_request"])
    }

    @Test func aHundredThousandUserExpressionsAreAllAnsweredInOrder() throws {
        let names = (0..<100_000).map { "e\($0)" }
        let expressions = JSONObject(names.map { ($0, JSONValue.string("x")) })
        _ = core.handle(request("execute_request", ["code": "1", "user_expressions": .object(expressions)]), on: .shell)
        let results = try #require(try onlyReply().content["user_expressions"]?.objectValue)
        #expect(results.members.map(\.key) == names)
        #expect(results["e99999"]?["data"]?["text/plain"] == "=x")
    }

    @Test func inputIsNotRequestedWhenStdinIsNotAllowed() {
        _ = core.handle(request("execute_request", ["code": "ask", "allow_stdin": false]), on: .shell)
        #expect(transport.sent(on: .stdin).isEmpty)
    }

    @Test func askingToExitIsAPayloadOfTheReply() throws {
        _ = core.handle(request("execute_request", ["code": "quit"]), on: .shell)
        #expect(try onlyReply().content["payload"] == [["source": "ask_exit", "keepkernel": false]])
    }

    @Test func kernelInfoDescribesTheLanguage() throws {
        _ = core.handle(request("kernel_info_request", [:]), on: .control)
        let reply = try onlyReply(on: .control)
        #expect(reply.content["protocol_version"] == "5.3")
        #expect(reply.content["language_info"]?["file_extension"] == ".script")
        #expect(reply.content["help_links"] == [["text": "Docs", "url": "https://example.org"]])
        #expect(reply.content["implementation"] == "scripted")
    }

    @Test func completeClampsTheCursor() throws {
        _ = core.handle(request("complete_request", ["code": "pri", "cursor_pos": 99]), on: .shell)
        let reply = try onlyReply()
        #expect(reply.content["matches"] == ["print"])
        #expect(reply.content["cursor_end"] == 3)
        #expect(reply.content["metadata"]?["_jupyter_types_experimental"] == [["start": 0, "end": 3, "text": "print", "type": "command"]])
    }

    @Test func inspectSaysWhetherItFoundSomething() throws {
        _ = core.handle(request("inspect_request", ["code": "print", "cursor_pos": 2]), on: .shell)
        #expect(try onlyReply().content["found"] == true)
        #expect(try onlyReply().content["data"]?["text/plain"] == "doc of print at 2")
        transport.reset()
        _ = core.handle(request("inspect_request", ["code": ""]), on: .shell)
        #expect(try onlyReply().content["found"] == false)
    }

    @Test(arguments: [("x {", "incomplete"), ("x }", "invalid"), ("x", "complete")])
    func isCompleteAnswersEachStatus(code: String, status: String) throws {
        _ = core.handle(request("is_complete_request", ["code": .string(code)]), on: .shell)
        let reply = try onlyReply()
        #expect(reply.content["status"] == .string(status))
        #expect((reply.content["indent"] != nil) == (status == "incomplete"))
    }

    @Test func historyServesTailRangeAndSearch() throws {
        let core = core
        for code in ["1+2", "x", "1+2", "1*2"] { _ = core.handle(request("execute_request", ["code": .string(code)]), on: .shell) }
        transport.reset()
        _ = core.handle(request("history_request", ["hist_access_type": "tail", "n": 2, "output": true, "raw": true]), on: .shell)
        #expect(try onlyReply().content["history"] == [[1, 3, ["1+2", "1+2"]], [1, 4, ["1*2", "1*2"]]])
        transport.reset()
        _ = core.handle(request("history_request", ["hist_access_type": "range", "session": 1, "start": 2, "stop": 3,
                                                    "output": false, "raw": true]), on: .shell)
        #expect(try onlyReply().content["history"] == [[1, 2, "x"]])
        transport.reset()
        _ = core.handle(request("history_request", ["hist_access_type": "search", "pattern": "1?2*", "unique": true,
                                                    "output": false, "raw": true]), on: .shell)
        #expect(try onlyReply().content["history"] == [[1, 3, "1+2"], [1, 4, "1*2"]])
    }

    @Test func commOpenIsClosedAtOnce() {
        _ = core.handle(request("comm_open", ["comm_id": "c1", "target_name": "nothing", "data": [:]]), on: .shell)
        let close = transport.sent(on: .iopub).first { $0.type == "comm_close" }
        #expect(close?.content["comm_id"] == "c1")
    }

    @Test func commInfoListsNoComms() throws {
        _ = core.handle(request("comm_info_request", [:]), on: .shell)
        #expect(try onlyReply().content["comms"] == .object(JSONObject()))
    }

    @Test func shutdownRepliesOnItsChannelAndStopsTheLoop() throws {
        #expect(core.handle(request("shutdown_request", ["restart": true]), on: .control) == .shutDown(restart: true))
        #expect(try onlyReply(on: .control).content["restart"] == true)
        #expect(flag.isSet)
    }

    @Test func unknownAndMisplacedRequestsAreIgnored() {
        #expect(core.handle(request("no_such_request", [:]), on: .shell) == .proceed)
        #expect(core.handle(request("execute_request", ["code": "1"]), on: .control) == .proceed)
        #expect(interpreter.executed.isEmpty)
        #expect(transport.sent(on: .shell).isEmpty && transport.sent(on: .iopub).isEmpty)
    }

    @Test func missingFieldsTakeDefaults() throws {
        _ = core.handle(request("execute_request", [:]), on: .shell)
        #expect(interpreter.executed == [""])
        #expect(try onlyReply().content["status"] == "ok")
    }
}
