import FinchEngine

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
                if case .call(let word, let settings) = argument.value.kind, !parameter.settings.isEmpty {
                    labelled[label.text] = try bind(Expr(.variable(word.text), word.range), to: parameter, of: command,
                                                    label: label.text + ":")
                    try bindSettings(settings, of: word, for: parameter, of: command, into: &labelled)
                } else {
                    labelled[label.text] = try bind(argument.value, to: parameter, of: command, label: label.text + ":")
                }
            } else {
                let parameter = try positionalParameter(positional.count, of: command, at: argument.value.range)
                positional.append(try bind(argument.value, to: parameter, of: command, label: parameter.name))
            }
        }
        if let missing = command.positional.dropFirst(positional.count).first(where: \.isRequired) {
            throw FinchError(.argument, "'\(command.name)' needs a value for \(missing.name)", at: call.name.range,
                             note: "usage: \(CommandDoc.usage(of: command))")
        }
        try checkSettings(of: command, given: labelled)
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

    /// Binds the settings written inside a choice, as `rank: 8` in `method: lora(rank: 8)`, as the
    /// command's keywords of those names.
    private func bindSettings(_ settings: [Argument], of word: Name, for parameter: Parameter, of command: Command,
                              into labelled: inout [String: BoundValue]) throws(FinchError) {
        let allowed = parameter.settings[word.text] ?? []
        for setting in settings {
            guard let label = setting.label else {
                throw FinchError(.argument, "the settings of \(parameter.name): \(word.text) are written name: value",
                                 at: setting.value.range, note: Parameter.settingsNote(allowed, of: word.text))
            }
            guard allowed.contains(label.text), let keyword = command.labelled(label.text) else {
                throw FinchError(.argument, "'\(label.text)' is not a setting of \(parameter.name): \(word.text)", at: label.range,
                                 note: Suggestion.note(for: label.text, in: allowed) ?? Parameter.settingsNote(allowed, of: word.text))
            }
            guard labelled[label.text] == nil else {
                throw FinchError(.argument, "'\(label.text)' is given twice", at: label.range)
            }
            labelled[label.text] = try bind(setting.value, to: keyword, of: command, label: label.text + ":")
        }
    }

    /// Refuses a setting given for a choice that does not use it, as `rank: 8` with `method: full`.
    private func checkSettings(of command: Command, given labelled: [String: BoundValue]) throws(FinchError) {
        for choice in command.keywords where !choice.settings.isEmpty {
            let chosen: String? = switch labelled[choice.name]?.value ?? choice.defaultValue {
            case .symbol(let word)?: word
            default: nil
            }
            guard let chosen else { continue }
            for (name, bound) in labelled.sorted(by: { $0.key < $1.key }) {
                let owners = choice.words(setBy: name)
                guard !owners.isEmpty, !owners.contains(chosen) else { continue }
                throw FinchError(.argument, "'\(name):' is a setting of \(choice.name): \(owners.joined(separator: " or ")), not of \(chosen)",
                                 at: bound.range, note: Parameter.settingsNote(choice.settings[chosen] ?? [], of: chosen))
            }
        }
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
    /// or one of a set of words (a variable that is not one of the words gives its value, so
    /// `for m in ["full", "lora"] { finetune … method: m }` works); other values must match the
    /// parameter's kind.
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
            if case .variable(let name) = expr.kind, words.contains(name) || variables[name] == nil {
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
        case .wordOrValue(let words):
            if case .variable(let name) = expr.kind, words.contains(name) { value = .symbol(name) } else { value = try evaluate(expr) }
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
        case (.any, _), (.wordOrValue, _), (.number, .number), (.string, .string), (.bool, .bool): true
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
        case .wordOrValue(let words): "\(words.joined(separator: ", ")) or a value"
        }
    }
}
