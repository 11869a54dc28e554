import FinchJSON

extension KernelCore {
    /// `complete_request`: the interpreter's candidates around `cursor_pos`, with their types.
    func complete(_ request: Message) -> HandlerOutcome {
        let code = request.content["code"]?.stringValue ?? ""
        let cursor = clampedCursor(request.content["cursor_pos"], in: code)
        let candidates = interpreter.complete(code: code, cursor: cursor)
        // JupyterLab shows each match's type from this metadata (as ipykernel sends it).
        let typed = zip(candidates.matches, candidates.types).map { text, type -> JSONValue in
            ["start": .int(candidates.start), "end": .int(candidates.end), "text": .string(text), "type": .string(type)]
        }
        let metadata: JSONObject = typed.isEmpty ? [:] : ["_jupyter_types_experimental": .array(typed)]
        reply(to: request, on: .shell, ["status": "ok", "matches": .array(candidates.matches.map { .string($0) }),
                                        "cursor_start": .int(candidates.start), "cursor_end": .int(candidates.end),
                                        "metadata": .object(metadata)])
        return .done
    }

    /// `inspect_request`: documentation of the name at `cursor_pos`.
    func inspect(_ request: Message) -> HandlerOutcome {
        let code = request.content["code"]?.stringValue ?? ""
        let cursor = clampedCursor(request.content["cursor_pos"], in: code)
        let detail = request.content["detail_level"]?.intValue ?? 0
        let output = interpreter.inspect(code: code, cursor: cursor, detailLevel: detail)
        reply(to: request, on: .shell, ["status": "ok", "found": .bool(output != nil), "data": .object(output?.data ?? [:]),
                                        "metadata": .object(output?.metadata ?? [:])])
        return .done
    }

    /// `is_complete_request`: complete, incomplete (with an indent hint), invalid or unknown.
    func isComplete(_ request: Message) -> HandlerOutcome {
        let code = request.content["code"]?.stringValue ?? ""
        switch interpreter.isComplete(code: code) {
        case .complete: reply(to: request, on: .shell, ["status": "complete"])
        case .incomplete(let indent): reply(to: request, on: .shell, ["status": "incomplete", "indent": .string(indent)])
        case .invalid: reply(to: request, on: .shell, ["status": "invalid"])
        case .unknown: reply(to: request, on: .shell, ["status": "unknown"])
        }
        return .done
    }

    /// `history_request`: `tail`, `range` or `search` over this session's cells.
    func history(_ request: Message) -> HandlerOutcome {
        let content = request.content
        let withOutput = content["output"]?.boolValue ?? false
        let entries: [History.Entry]
        switch content["hist_access_type"]?.stringValue ?? "tail" {
        case "range":
            entries = history.range(session: content["session"]?.intValue ?? 0, start: content["start"]?.intValue ?? 0,
                                    stop: content["stop"]?.intValue ?? 0)
        case "search":
            entries = history.search(pattern: content["pattern"]?.stringValue ?? "*", count: content["n"]?.intValue,
                                     unique: content["unique"]?.boolValue ?? false)
        default:
            entries = history.tail(content["n"]?.intValue ?? 10)
        }
        let rows: [JSONValue] = entries.map { entry in
            let input: JSONValue = .string(entry.input)
            let third: JSONValue = withOutput ? [input, entry.output.map { .string($0) } ?? .null] : input
            return [.int(History.session), .int(entry.line), third]
        }
        reply(to: request, on: .shell, ["status": "ok", "history": .array(rows)])
        return .done
    }

    /// `kernel_info_request`: protocol version, implementation and language.
    func kernelInfo(_ request: Message, on channel: Channel) -> HandlerOutcome {
        let info = interpreter.info
        let language: JSONObject = [
            "name": .string(info.languageName), "version": .string(info.languageVersion),
            "mimetype": .string(info.mimetype), "file_extension": .string(info.fileExtension),
            "pygments_lexer": .string(info.pygmentsLexer), "codemirror_mode": .string(info.codemirrorMode),
        ]
        let links: [JSONValue] = info.helpLinks.map { ["text": .string($0.text), "url": .string($0.url)] }
        reply(to: request, on: channel, [
            "status": "ok", "protocol_version": .string(HeaderFactory.protocolVersion),
            "implementation": .string(info.implementation), "implementation_version": .string(info.implementationVersion),
            "language_info": .object(language), "banner": .string(info.banner), "debugger": false,
            "help_links": .array(links),
        ])
        return .done
    }

    /// `comm_info_request`: this kernel has no comm targets, so no comms.
    func commInfo(_ request: Message, on channel: Channel) -> HandlerOutcome {
        reply(to: request, on: channel, ["status": "ok", "comms": [:]])
        return .done
    }

    /// `comm_open`: no target exists, so the comm is closed at once (messaging spec, "Comms").
    func commOpen(_ request: Message) -> HandlerOutcome {
        let commID = request.content["comm_id"] ?? ""
        log.warning("no comm target '\(request.content["target_name"]?.stringValue ?? "")'; closing comm")
        publish("comm_close", ["comm_id": commID, "data": [:]], parent: request)
        return .done
    }

    /// `shutdown_request`: stop a running cell, reply, and tell the loop to shut down.
    func shutdown(_ request: Message, on channel: Channel) -> HandlerOutcome {
        let restart = request.content["restart"]?.boolValue ?? false
        interruptFlag.set()
        reply(to: request, on: channel, ["status": "ok", "restart": .bool(restart)])
        return .shutDown(restart: restart)
    }

    /// `interrupt_request`: set the flag the running cell polls.
    func interrupt(_ request: Message) -> HandlerOutcome {
        interruptFlag.set()
        reply(to: request, on: .control, ["status": "ok"])
        return .done
    }

    /// The request's cursor as an offset into `code` (in Unicode scalars); missing means the end.
    private func clampedCursor(_ value: JSONValue?, in code: String) -> Int {
        let length = code.unicodeScalars.count
        return min(max(value?.intValue ?? length, 0), length)
    }
}
