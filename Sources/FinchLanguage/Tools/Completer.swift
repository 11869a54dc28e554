/// Finds completions for the word before a cursor, from what the cursor follows:
///
/// - after `.`: the properties of the value before the dot (evaluated; functions and
///   properties have no side effects);
/// - after `key:` of a command: the values the parameter allows, if it lists them;
/// - inside a choice's brackets (`method: lora(`): the settings of that choice not yet given;
/// - among a command's arguments: its labels not yet used (as `name:`), its prepositions, and
///   the names that can start a value;
/// - at the start of a statement: also the commands (layer commands only inside a `model`
///   block, where they belong), and the labels of a command on the line above, which a line
///   starting with `word:` continues.
struct Completer {
    /// The source being completed.
    let source: String
    /// The cursor, a scalar offset.
    let cursor: Int
    /// The interpreter whose variables and commands are candidates.
    let interpreter: Interpreter

    /// The candidates, filtered by the word before the cursor.
    func complete() -> Completion {
        let context = CursorContext(source: source, cursor: cursor)
        let matches = Set(candidates(context).filter { $0.hasPrefix(context.prefix) && $0 != context.prefix })
        return Completion(matches: matches.sorted(), start: context.wordStart, end: context.cursor)
    }

    private func candidates(_ context: CursorContext) -> [String] {
        guard context.statementTokens != nil else { return [] }
        if context.followsDot {
            return context.valueBeforeDot(in: interpreter).map { Properties.available(on: $0).map(\.name) } ?? []
        }
        let command = context.command(in: interpreter.commands)
        if let label = context.valueLabel, let command {
            if let parameter = command.labelled(label), case .choice(let words) = parameter.kind { return words }
            if let parameter = command.labelled(label), case .wordOrValue(let words) = parameter.kind { return words }
        }
        if let (label, word) = context.openChoice, let settings = command?.labelled(label)?.settings[word] {
            return settings.filter { !context.usedLabels.contains($0) }.map { $0 + ":" }
        }
        var values = Array(interpreter.variables.keys) + Functions.names + Completer.valueKeywords
        if context.followsValue { values += Completer.infixKeywords }
        if context.isAtStatementStart {
            let above = context.commandAbove(in: interpreter.commands).map { labels(of: $0, used: context.usedLabelsAbove) } ?? []
            let layers = Set(Command.layers.map(\.name))
            let inModel = context.blockOwners.contains(Command.model.name)
            let commands = interpreter.commands.names.filter { inModel || !layers.contains($0) }
            return values + Completer.statementKeywords + commands + above
        }
        guard let command else { return values }
        return labels(of: command, used: context.usedLabels) + command.prepositions.map(\.name) + values
    }

    /// Keywords that start a value.
    private static let valueKeywords = ["true", "false", "none", "not"]
    /// Keywords that follow a value.
    private static let infixKeywords = ["and", "or", "in", "else"]
    /// Keywords that start a statement.
    private static let statementKeywords = ["for", "if"]

    private func labels(of command: Command, used: Set<String>) -> [String] {
        command.keywords.map(\.name).filter { !used.contains($0) }.map { $0 + ":" }
    }
}
