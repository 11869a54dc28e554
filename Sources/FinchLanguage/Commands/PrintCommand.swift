extension Command {
    /// `print VALUE… [sep: STRING] [end: STRING]`: values to standard output.
    static let print = Command(
        name: "print",
        summary: "Print values to standard output, separated by spaces.",
        positional: [Parameter("value", .any, doc: "the values to print; strings print without quotes")],
        repeatsLastPositional: true,
        keywords: textLayout
    ) { invocation in
        invocation.interpreter.output.write(invocation.printedText, to: .stdout)
        return .none
    }

    /// The `sep:` and `end:` parameters shared by `print` and `warn`.
    static let textLayout = [
        Parameter("sep", .string, doc: "the text between values", default: .string(" ")),
        Parameter("end", .string, doc: "the text after the last value", default: .string("\n")),
    ]
}

extension Invocation {
    /// The positional values as `print` shows them, joined by `sep:` and followed by `end:`.
    var printedText: String {
        let separator = if case .string(let text) = self["sep"] { text } else { " " }
        let end = if case .string(let text) = self["end"] { text } else { "\n" }
        return positional.map(\.value.printed).joined(separator: separator) + end
    }
}
