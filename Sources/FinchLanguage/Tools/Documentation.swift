/// The doc of every name a user can ask about: commands, functions and keywords.
enum Documentation {
    /// The doc of the command, function or keyword called `name`, if there is one.
    static func text(for name: String, commands: CommandTable) -> String? {
        if let command = commands[name] { return CommandDoc.full(command) }
        if let function = Functions.table[name] { return "\(function.signature)\n\(function.doc)" }
        if let keyword = Keyword(rawValue: name) { return keyword.doc }
        return nil
    }

    /// Every name that has a doc.
    static func names(commands: CommandTable) -> [String] {
        commands.names + Functions.names + Keyword.allCases.map(\.rawValue)
    }
}
