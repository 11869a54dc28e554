extension Command {
    /// `warn VALUE… [sep: STRING] [end: STRING]`: values to standard error.
    static let warn = Command(
        name: "warn",
        summary: "Print values to standard error, as a warning.",
        positional: [Parameter("value", .any, doc: "the values to print; strings print without quotes")],
        repeatsLastPositional: true,
        keywords: textLayout
    ) { invocation in
        invocation.interpreter.output.write(invocation.printedText, to: .stderr)
        return .none
    }
}
