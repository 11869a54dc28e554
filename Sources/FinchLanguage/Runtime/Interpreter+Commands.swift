extension Interpreter {
    /// Checks the arguments of `call` against its command's parameters, then runs it.
    func run(_ call: CommandCall, range: SourceRange) throws(FinchError) -> Value {
        guard let command = commands[call.name.text] else {
            throw FinchError(.name, "unknown command '\(call.name.text)'", at: call.name.range,
                             note: Suggestion.note(for: call.name.text, in: commands.names))
        }
        var positional: [BoundValue] = []
        var labelled: [String: BoundValue] = [:]
        for argument in call.arguments {
            if let label = argument.label {
                guard let parameter = command.labelled(label.text) else {
                    let labels = (command.prepositions + command.keywords).map(\.name)
                    throw FinchError(.argument, "'\(command.name)' has no argument '\(label.text)'", at: label.range,
                                     note: Suggestion.note(for: label.text, in: labels))
                }
                guard labelled[label.text] == nil else {
                    throw FinchError(.argument, "'\(label.text)' is given twice", at: label.range)
                }
                labelled[label.text] = try bind(argument.value, to: parameter, of: command, label: label.text + ":")
            } else {
                let parameter = try positionalParameter(positional.count, of: command, at: argument.value.range)
                positional.append(try bind(argument.value, to: parameter, of: command, label: parameter.name))
            }
        }
        if let missing = command.positional.dropFirst(positional.count).first(where: \.isRequired) {
            throw FinchError(.argument, "'\(command.name)' needs a value for \(missing.name)", at: call.name.range,
                             note: "usage: \(CommandDoc.usage(of: command))")
        }
        for parameter in command.prepositions + command.keywords where labelled[parameter.name] == nil {
            if let value = parameter.defaultValue {
                labelled[parameter.name] = BoundValue(value: value, range: call.name.range)
            } else if parameter.isRequired {
                throw FinchError(.argument, "'\(command.name)' needs '\(parameter.name)'", at: call.name.range,
                                 note: "usage: \(CommandDoc.usage(of: command))")
            }
        }
        return try command.run(Invocation(command: command, range: range, positional: positional, labelled: labelled,
                                          block: call.block, interpreter: self))
    }

    private func positionalParameter(_ index: Int, of command: Command, at range: SourceRange) throws(FinchError) -> Parameter {
        if index < command.positional.count { return command.positional[index] }
        if command.repeatsLastPositional, let last = command.positional.last { return last }
        let count = command.positional.count
        let allowed = count == 0 ? "no values" : count == 1 ? "1 value" : "\(count) values"
        throw FinchError(.argument, "'\(command.name)' takes \(allowed) without a label", at: range,
                         note: "usage: \(CommandDoc.usage(of: command))")
    }

    /// Evaluates `expr` for `parameter`: bare words stay words where the parameter takes a name
    /// or one of a set of words; other values must match the parameter's kind.
    private func bind(_ expr: Expr, to parameter: Parameter, of command: Command, label: String) throws(FinchError) -> BoundValue {
        let value: Value
        switch parameter.kind {
        case .word:
            switch expr.kind {
            case .variable(let name), .string(let name): value = .symbol(name)
            default:
                throw FinchError(.type, "'\(command.name)' needs a name for \(label), as in '\(command.name) print'",
                                 at: expr.range)
            }
        case .choice(let words):
            let word: String
            if case .variable(let name) = expr.kind {
                word = name
            } else if expr.kind == .none, words.contains("none") {
                word = "none"
            } else {
                switch try evaluate(expr) {
                case .string(let text), .symbol(let text): word = text
                case let other:
                    throw FinchError(.type, "'\(command.name)' needs one of \(words.joined(separator: ", ")) for \(label), not \(other.typeDescription)",
                                     at: expr.range)
                }
            }
            guard words.contains(word) else {
                throw FinchError(.value, "'\(word)' is not a value of \(label); expected \(words.joined(separator: ", "))",
                                 at: expr.range, note: Suggestion.note(for: word, in: words))
            }
            value = .symbol(word)
        case .any:
            value = try evaluate(expr)
        case .number, .string, .bool:
            value = try evaluate(expr)
            guard parameter.kind.accepts(value) else {
                throw FinchError(.type, "'\(command.name)' needs \(parameter.kind.description) for \(label), not \(value.typeDescription)",
                                 at: expr.range)
            }
        }
        return BoundValue(value: value, range: expr.range)
    }
}

extension ValueKind {
    /// Whether a value of this kind can be `value`.
    func accepts(_ value: Value) -> Bool {
        switch (self, value) {
        case (.any, _), (.number, .number), (.string, .string), (.bool, .bool): true
        default: false
        }
    }

    /// The kind in an error message, e.g. `a number`.
    var description: String {
        switch self {
        case .any: "a value"
        case .number: "a number"
        case .string: "a string"
        case .bool: "true or false"
        case .word: "a name"
        case .choice(let words): "one of \(words.joined(separator: ", "))"
        }
    }
}
