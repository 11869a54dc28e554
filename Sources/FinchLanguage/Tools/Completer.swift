/// Finds completions for the word before a cursor, from what the cursor follows:
///
/// - after `.`: the properties of the value before the dot (evaluated; functions and
///   properties have no side effects);
/// - after `key:` of a command: the values the parameter allows, if it lists them;
/// - inside a choice's brackets (`method: lora(`): the settings of that choice not yet given;
/// - among a command's arguments: its labels not yet used (as `name:`), its prepositions not yet
///   used, and the names that can start a value; after a finished argument (`finetune net on fit |`)
///   only what can follow it, so values only while positional arguments remain;
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
        var kinds: [String: CompletionKind] = [:]
        for candidate in candidates(context) where candidate.text.hasPrefix(context.prefix) && candidate.text != context.prefix {
            if kinds[candidate.text] == nil { kinds[candidate.text] = candidate.kind }
        }
        return Completion(candidates: kinds.sorted { $0.key < $1.key }.map { Completion.Candidate($0.key, $0.value) },
                          start: context.wordStart, end: context.cursor)
    }

    private func candidates(_ context: CursorContext) -> [Completion.Candidate] {
        guard context.statementTokens != nil else { return [] }
        if context.followsDot {
            return context.valueBeforeDot(in: interpreter).map { Properties.available(on: $0).map { .init($0.name, .property) } } ?? []
        }
        let command = context.command(in: interpreter.commands)
        if let label = context.valueLabel, let command {
            if let parameter = command.labelled(label), case .choice(let words) = parameter.kind { return words.map { .init($0, .value) } }
            if let parameter = command.labelled(label), case .wordOrValue(let words) = parameter.kind { return words.map { .init($0, .value) } }
        }
        if let (label, word) = context.openChoice, let settings = command?.labelled(label)?.settings[word] {
            return settings.filter { !context.usedLabels.contains($0) }.map { .init($0 + ":", .label) }
        }
        let values = interpreter.variables.keys.map { Completion.Candidate($0, .variable) } + Functions.names.map { .init($0, .function) }
            + Completer.valueKeywords.map { .init($0, .keyword) }
        let infix = context.followsValue ? Completer.infixKeywords.map { Completion.Candidate($0, .keyword) } : []
        if context.isAtStatementStart {
            let above = context.commandAbove(in: interpreter.commands).map { labels(of: $0, used: context.usedLabelsAbove) } ?? []
            let layers = Set(Command.layers.map(\.name))
            let inModel = context.blockOwners.contains(Command.model.name)
            let commands = interpreter.commands.names.filter { inModel || !layers.contains($0) }.map { Completion.Candidate($0, .command) }
            return values + infix + Completer.statementKeywords.map { .init($0, .keyword) } + commands + above
        }
        guard let command else { return values + infix }
        let written = context.writtenArguments(of: command)
        let unusedLabels = labels(of: command, used: context.usedLabels)
        let prepositions = command.prepositions.map(\.name).filter { !written.prepositions.contains($0) }.map { Completion.Candidate($0, .keyword) }
        if written.endsArgument {
            // After a finished argument only a new one can follow; values only while positionals remain.
            let morePositionals = written.positionalCount < command.positional.count || command.repeatsLastPositional
            return unusedLabels + prepositions + (morePositionals ? values + infix : [])
        }
        return written.isEmpty ? unusedLabels + prepositions + values : values + (written.followsValue ? infix : [])
    }

    /// Keywords that start a value.
    private static let valueKeywords = ["true", "false", "none", "not"]
    /// Keywords that follow a value.
    private static let infixKeywords = ["and", "or", "in", "else"]
    /// Keywords that start a statement.
    private static let statementKeywords = ["for", "if"]

    private func labels(of command: Command, used: Set<String>) -> [Completion.Candidate] {
        command.keywords.map(\.name).filter { !used.contains($0) }.map { .init($0 + ":", .label) }
    }
}
