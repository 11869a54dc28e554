import FinchJSON

extension KernelCore {
    /// `execute_request`: run the cell, publish `execute_input`, output, `execute_result` or `error`, reply.
    func execute(_ request: Message) -> HandlerOutcome {
        let content = request.content
        let code = content["code"]?.stringValue ?? ""
        let silent = content["silent"]?.boolValue ?? false
        // "If silent is True, store_history is forced to be False" (messaging spec, execute).
        let storeHistory = !silent && (content["store_history"]?.boolValue ?? true)
        let stopOnError = content["stop_on_error"]?.boolValue ?? true
        if storeHistory { executionCount += 1 }
        let count = executionCount
        if !silent {
            publish("execute_input", ["code": .string(code), "execution_count": .int(count)], parent: request)
        }
        interruptFlag.clear()
        let context = ExecutionContext(
            executionCount: count, isSilent: silent, allowsStdin: content["allow_stdin"]?.boolValue ?? false,
            publish: { [unowned self] type, body in publish(type, body, parent: request) },
            askInput: { [unowned self] prompt, password in requestInput(prompt: prompt, password: password, parent: request) },
            isInterrupted: { [interruptFlag] in interruptFlag.isSet })
        let outcome = interpreter.execute(code: code, context: context)
        let expressions = evaluateUserExpressions(content["user_expressions"]?.objectValue ?? [:])
        switch outcome {
        case .success(let result, let displays):
            if let result, !silent {
                publish("execute_result", ["execution_count": .int(count), "data": .object(result.data),
                                           "metadata": .object(result.metadata)], parent: request)
            }
            for display in displays { context.display(display) }
            if storeHistory { history.record(line: count, input: code, output: result?.data["text/plain"]?.stringValue) }
            reply(to: request, on: .shell, ["status": "ok", "execution_count": .int(count),
                                            "payload": .array(context.payloads.map { .object($0) }),
                                            "user_expressions": .object(expressions)])
            return .done
        case .failure(let error):
            if storeHistory { history.record(line: count, input: code, output: nil) }
            if !silent {
                publish("error", errorContent(error), parent: request)
            }
            var replyContent = errorContent(error)
            replyContent["status"] = "error"
            replyContent["execution_count"] = .int(count)
            replyContent["user_expressions"] = .object(expressions)
            reply(to: request, on: .shell, replyContent)
            return stopOnError ? .abortQueuedExecutions : .done
        }
    }

    func errorContent(_ error: ErrorReport) -> JSONObject {
        ["ename": .string(error.name), "evalue": .string(error.value), "traceback": .array(error.traceback.map { .string($0) })]
    }

    /// Each expression's result under its name; built in one pass, as a request may hold very many.
    private func evaluateUserExpressions(_ expressions: JSONObject) -> JSONObject {
        JSONObject(expressions.members.map { name, expression -> (String, JSONValue) in
            switch interpreter.evaluate(expression: expression.stringValue ?? "") {
            case .success(let output):
                return (name, ["status": "ok", "data": .object(output.data), "metadata": .object(output.metadata)])
            case .failure(let error):
                var content = errorContent(error)
                content["status"] = "error"
                return (name, .object(content))
            }
        })
    }

    /// Sends `input_request` on stdin to the requester and waits for its `input_reply`, polling
    /// the interrupt flag; `nil` when interrupted. Whatever waits on stdin before the request is
    /// sent (a reply to an earlier, interrupted request, or one nobody asked for) is discarded,
    /// as ipykernel does, so it cannot answer this one.
    private func requestInput(prompt: String, password: Bool, parent: Message) -> String? {
        let stale = transport.discardWaitingInput()
        if stale > 0 { log.warning("discarded \(stale) stale message(s) on stdin before input_request") }
        transport.send(headers.message("input_request", content: ["prompt": .string(prompt), "password": .bool(password)],
                                       parent: parent), on: .stdin)
        while !interruptFlag.isSet {
            guard let answer = transport.receiveInput(timeoutMilliseconds: 50) else { continue }
            if answer.type == "input_reply" { return answer.content["value"]?.stringValue ?? "" }
            log.warning("ignoring '\(answer.type)' on stdin while waiting for input_reply")
        }
        return nil
    }
}
