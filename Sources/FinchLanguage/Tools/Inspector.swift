/// Finds the doc of the name at or just before a cursor: a property after a dot, a label of
/// the command being written, a variable (its type and value), or a command, function or keyword.
struct Inspector {
    /// The source being inspected.
    let source: String
    /// The cursor, a scalar offset.
    let cursor: Int
    /// The interpreter whose variables and commands are known.
    let interpreter: Interpreter

    /// The longest value text shown for a variable.
    static let maxValueLength = 500

    /// The doc text, or nil if the cursor is on no known name.
    func inspect() -> String? {
        var context = CursorContext(source: source, cursor: cursor)
        if context.word.isEmpty {
            let scalars = Array(source.unicodeScalars)
            var position = min(max(0, cursor), scalars.count)
            while position > 0, scalars[position - 1] == " " || scalars[position - 1] == "(" { position -= 1 }
            context = CursorContext(source: source, cursor: position)
        }
        guard !context.word.isEmpty, context.statementTokens != nil else { return nil }
        let name = context.word
        if context.followsDot {
            guard let value = context.valueBeforeDot(in: interpreter),
                  let property = Properties.available(on: value).first(where: { $0.name == name }) else { return nil }
            return "\(value.typeName).\(name)\n\(property.doc)"
        }
        if let command = context.command(in: interpreter.commands), !context.isAtStatementStart,
           let parameter = command.labelled(name), context.isLabel || command.prepositions.contains(where: { $0.name == name }) {
            let separator = context.isLabel ? ": " : " "
            return "\(command.name) \(name)\(separator)\(parameter.kind.placeholder)\n\(parameter.doc)"
                + (parameter.defaultValue.map { " (default \($0.text))" } ?? "")
        }
        if let value = interpreter.variables[name] {
            var text = value.text
            if text.count > Inspector.maxValueLength { text = String(text.prefix(Inspector.maxValueLength)) + "…" }
            return "\(name): \(value.typeName) = \(text)"
        }
        return Documentation.text(for: name, commands: interpreter.commands)
    }
}
