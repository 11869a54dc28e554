import FinchEngine

extension Command {
    /// `help [NAME]`: lists commands and functions, or describes one name.
    static let help = Command(
        name: "help",
        summary: "List the commands and functions, or describe one of them.",
        positional: [Parameter("name", .word, doc: "a command, function or keyword to describe")]
    ) { invocation throws(FinchError) in
        let commands = invocation.interpreter.commands
        guard let argument = invocation.positional.first, case .symbol(let name) = argument.value else {
            invocation.interpreter.output.write(CommandDoc.overview(commands: commands) + "\n", to: .stdout)
            return .none
        }
        guard let text = Documentation.text(for: name, commands: commands) else {
            throw FinchError(NameFailure.noHelp(name, topics: Documentation.names(commands: commands)), at: argument.range)
        }
        invocation.interpreter.output.write(text + "\n", to: .stdout)
        return .none
    }
}
