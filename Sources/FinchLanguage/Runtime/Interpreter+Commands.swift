extension Interpreter {
    /// Checks the arguments of `call` against its command's parameters, then runs it.
    func run(_ call: CommandCall, range: SourceRange) throws(FinchError) -> Value {
        guard let command = commands[call.name.text] else {
            throw FinchError(NameFailure.unknownCommand(call.name.text, commands: commands.names), at: call.name.range)
        }
        var positional: [BoundValue] = []
        var labelled: [String: BoundValue] = [:]
        for argument in call.arguments {
            if let label = argument.label {
                guard let parameter = command.labelled(label.text) else {
                    let labels = (command.prepositions + command.keywords).map(\.name)
                    throw FinchError(ArgumentFailure.unknownLabel(command: command.name, label: label.text, labels: labels), at: label.range)
                }
                guard labelled[label.text] == nil else {
                    throw FinchError(ArgumentFailure.givenTwice(label: label.text), at: label.range)
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
            throw FinchError(ArgumentFailure.missingValue(command: command.name, parameter: missing.name, usage: CommandDoc.usage(of: command)),
                             at: call.name.range)
        }
        try checkSettings(of: command, given: labelled)
        for parameter in command.prepositions + command.keywords where labelled[parameter.name] == nil {
            if let value = parameter.defaultValue {
                labelled[parameter.name] = BoundValue(value: value, range: call.name.range)
            } else if parameter.isRequired {
                throw FinchError(ArgumentFailure.missingParameter(command: command.name, parameter: parameter.name,
                                                                  usage: CommandDoc.usage(of: command)),
                                 at: call.name.range)
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
                throw FinchError(ArgumentFailure.unlabelledSetting(parameter: parameter.name, word: word.text, settings: allowed),
                                 at: setting.value.range)
            }
            guard allowed.contains(label.text), let keyword = command.labelled(label.text) else {
                throw FinchError(ArgumentFailure.notASetting(label: label.text, parameter: parameter.name, word: word.text, settings: allowed),
                                 at: label.range)
            }
            guard labelled[label.text] == nil else {
                throw FinchError(ArgumentFailure.givenTwice(label: label.text), at: label.range)
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
                throw FinchError(ArgumentFailure.settingOfAnotherChoice(label: name, choice: choice.name, owners: owners, chosen: chosen,
                                                                        settings: choice.settings[chosen] ?? []),
                                 at: bound.range)
            }
        }
    }

    private func positionalParameter(_ index: Int, of command: Command, at range: SourceRange) throws(FinchError) -> Parameter {
        if index < command.positional.count { return command.positional[index] }
        if command.repeatsLastPositional, let last = command.positional.last { return last }
        throw FinchError(ArgumentFailure.tooManyValues(command: command.name, positional: command.positional.count,
                                                       usage: CommandDoc.usage(of: command)),
                         at: range)
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
                throw FinchError(ArgumentFailure.needsName(command: command.name, label: label), at: expr.range)
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
                    throw FinchError(ArgumentFailure.needsChoice(command: command.name, label: label, words: words, type: other.typeDescription),
                                     at: expr.range)
                }
            }
            guard words.contains(word) else {
                throw FinchError(ArgumentFailure.notAChoice(word: word, label: label, words: words), at: expr.range)
            }
            value = .symbol(word)
        case .any:
            value = try evaluate(expr)
        case .wordOrValue(let words):
            if case .variable(let name) = expr.kind, words.contains(name) { value = .symbol(name) } else { value = try evaluate(expr) }
        case .number, .string, .bool:
            value = try evaluate(expr)
            guard parameter.kind.accepts(value) else {
                throw FinchError(ArgumentFailure.wrongKind(command: command.name, label: label, expected: parameter.kind,
                                                           type: value.typeDescription),
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
}
