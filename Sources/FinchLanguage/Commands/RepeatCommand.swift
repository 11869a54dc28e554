extension Command {
    /// `repeat COUNT { … }`: runs a block a number of times.
    static let `repeat` = Command(
        name: "repeat",
        summary: "Run the block a number of times.",
        positional: [Parameter("count", .number, doc: "how many times to run the block", required: true)],
        block: .required
    ) { invocation throws(FinchError) in
        let argument = invocation.positional[0]
        guard case .number(let count) = argument.value, count == count.rounded(), count >= 0, count <= 1e15 else {
            throw FinchError(BuiltinCommandFailure.repeatCount(value: argument.value.text), at: argument.range)
        }
        for _ in 0..<Int(count) {
            try invocation.interpreter.checkInterruption(at: invocation.range)
            try invocation.interpreter.runBlock(invocation.block ?? [])
        }
        return .none
    }
}
