extension Command {
    /// `ask PROMPT [password: true|false]`: a line typed by the user, as a string.
    static let ask = Command(
        name: "ask",
        summary: "Ask the user to type a line of text and return it as a string.",
        positional: [Parameter("prompt", .string, doc: "the question shown before the input box", required: true)],
        keywords: [Parameter("password", .bool, doc: "hide what is typed", default: .bool(false))]
    ) { invocation throws(FinchError) in
        guard case .string(let prompt) = invocation.positional[0].value else { return .none }
        let answer = invocation.interpreter.output.readLine(prompt: prompt, password: invocation["password"] == .bool(true))
        guard let answer else {
            try invocation.interpreter.checkInterruption(at: invocation.range)
            throw FinchError(BuiltinCommandFailure.noOneToAsk, at: invocation.range)
        }
        return .string(answer)
    }
}
