extension Command {
    /// `clear [wait: true|false]`: clears the cell's output.
    static let clear = Command(
        name: "clear",
        summary: "Clear the output of this cell.",
        keywords: [Parameter("wait", .bool, doc: "wait until new output arrives before clearing", default: .bool(false))]
    ) { invocation in
        invocation.interpreter.output.clearOutput(wait: invocation["wait"] == .bool(true))
        return .none
    }
}
