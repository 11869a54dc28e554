/// Finds completions for the word before a cursor, from what the cursor follows:
///
/// - after `.`: the properties of the value before the dot (evaluated; functions and
///   properties have no side effects);
/// - after `key:` of a command: the values the parameter allows, if it lists them;
/// - among a command's arguments: its labels not yet used (as `name:`), its prepositions, and
///   the names that can start a value;
/// - at the start of a statement: also the commands.
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
        return Completion(matches: matches.sorted(), start: context.wordStart, end: context.wordStart + context.prefix.unicodeScalars.count)
    }

    private func candidates(_ context: CursorContext) -> [String] {
        guard context.statementTokens != nil else { return [] }
        if context.followsDot {
            guard let base = context.baseBeforeDot, let value = try? value(of: base) else { return [] }
            return Properties.available(on: value).map(\.name)
        }
        let command = context.command(in: interpreter.commands)
        if let label = context.valueLabel, let command {
            if let parameter = command.labelled(label), case .choice(let words) = parameter.kind { return words }
        }
        let values = Array(interpreter.variables.keys) + Functions.names + Keyword.allCases.map(\.rawValue)
        if context.isAtStatementStart { return values + interpreter.commands.names }
        guard let command else { return values }
        let used = context.usedLabels
        let labels = command.keywords.map(\.name).filter { !used.contains($0) }.map { $0 + ":" }
        let prepositions = command.prepositions.map(\.name).filter { !used.contains($0) }
        return labels + prepositions + values
    }

    private func value(of base: String) throws(FinchError) -> Value {
        try interpreter.evaluate(Parser.parseExpression(base, commands: interpreter.commands))
    }
}
