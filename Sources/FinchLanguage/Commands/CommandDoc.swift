/// The text `help` and inspection show for commands.
enum CommandDoc {
    /// One line showing how to write `command`, e.g. `print VALUE… [sep: STRING] [end: STRING]`.
    static func usage(of command: Command) -> String {
        var parts = [command.name]
        for (index, parameter) in command.positional.enumerated() {
            let repeats = command.repeatsLastPositional && index == command.positional.count - 1
            let word = placeholder(parameter) + (repeats ? "…" : "")
            parts.append(parameter.isRequired ? word : "[\(word)]")
        }
        for parameter in command.prepositions + command.keywords {
            let separator = command.prepositions.contains(where: { $0.name == parameter.name }) ? " " : ": "
            let part = parameter.name + separator + parameter.kind.placeholder
            parts.append(parameter.isRequired ? part : "[\(part)]")
        }
        if command.block == .required { parts.append("{ … }") }
        return parts.joined(separator: " ")
    }

    /// The full description of `command`: usage, summary, then one line per parameter.
    static func full(_ command: Command) -> String {
        var rows: [(String, String)] = command.positional.enumerated().map { index, parameter in
            let repeats = command.repeatsLastPositional && index == command.positional.count - 1
            return (placeholder(parameter) + (repeats ? "…" : ""), describe(parameter))
        }
        rows += command.prepositions.map { ($0.name, describe($0)) }
        rows += command.keywords.map { ($0.name + ":", describe($0)) }
        var lines = [usage(of: command), command.summary]
        let width = rows.map(\.0.count).max() ?? 0
        if !rows.isEmpty { lines.append("") }
        for (name, doc) in rows {
            lines.append("  " + name + String(repeating: " ", count: width - name.count + 2) + doc)
        }
        return lines.joined(separator: "\n")
    }

    /// The list of all commands and functions that `help` prints.
    static func overview(commands: CommandTable) -> String {
        let commandRows = commands.all.map { ($0.name, $0.summary) }
        let functionRows = Functions.names.compactMap { Functions.table[$0] }.map { ($0.signature, $0.doc) }
        let width = (commandRows + functionRows).map(\.0.count).max() ?? 0
        func row(_ row: (String, String)) -> String {
            "  " + row.0 + String(repeating: " ", count: width - row.0.count + 2) + row.1
        }
        return (["Commands:"] + commandRows.map(row) + ["Functions:"] + functionRows.map(row)
            + ["Write 'help NAME' for more about one of them."]).joined(separator: "\n")
    }

    /// How a positional parameter is written in usage: its words for a choice (`chars|words`),
    /// else its name in capitals.
    private static func placeholder(_ parameter: Parameter) -> String {
        if case .choice(let words) = parameter.kind { words.joined(separator: "|") } else { parameter.name.uppercased() }
    }

    private static func describe(_ parameter: Parameter) -> String {
        guard let value = parameter.defaultValue else { return parameter.doc }
        return "\(parameter.doc) (default \(value.text))"
    }
}
