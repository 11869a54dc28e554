/// Typed readers for the arguments of the machine-learning commands, each failing with a
/// message that names the argument and points at it.
extension Invocation {
    /// The argument `name` (positional by parameter name, or labelled), if given or defaulted.
    func bound(_ name: String) -> BoundValue? {
        if let index = command.positional.firstIndex(where: { $0.name == name }) {
            return index < positional.count ? positional[index] : nil
        }
        return labelled[name]
    }

    /// Where the argument `name` was written, or the command when it was not.
    func place(_ name: String) -> SourceRange { bound(name)?.range ?? range }

    /// The argument `name` as a whole number within `limits`, if given.
    func integer(_ name: String, in limits: ClosedRange<Int>) throws(FinchError) -> Int? {
        guard let bound = bound(name), bound.value != .none else { return nil }
        guard case .number(let number) = bound.value, number == number.rounded(),
              number >= Double(limits.lowerBound), number <= Double(limits.upperBound) else {
            throw FinchError(ArgumentFailure.wholeNumberOutOfLimits(name: name, limits: limits, value: bound.value.text), at: bound.range)
        }
        return Int(number)
    }

    /// The argument `name` as a whole number within `limits`; it must be given.
    func requiredInteger(_ name: String, in limits: ClosedRange<Int>) throws(FinchError) -> Int {
        guard let value = try integer(name, in: limits) else {
            throw FinchError(ArgumentFailure.missingParameter(command: command.name, parameter: name, usage: CommandDoc.usage(of: command)),
                             at: range)
        }
        return value
    }

    /// The argument `name` as a number within `limits`, if given.
    func number(_ name: String, in limits: ClosedRange<Double>) throws(FinchError) -> Double? {
        guard let bound = bound(name), bound.value != .none else { return nil }
        guard case .number(let number) = bound.value, limits.contains(number) else {
            throw FinchError(ArgumentFailure.numberOutOfLimits(name: name, limits: limits, value: bound.value.text), at: bound.range)
        }
        return number
    }

    /// The argument `name` as a boolean, if given.
    func flag(_ name: String) -> Bool? {
        if case .bool(let value) = bound(name)?.value { value } else { nil }
    }

    /// The argument `name` as a word (a choice or a bare name), if given.
    func word(_ name: String) -> String? {
        switch bound(name)?.value {
        case .symbol(let word), .string(let word): word
        default: nil
        }
    }

    /// The argument `name` as a string, if given.
    func string(_ name: String) -> String? {
        if case .string(let text) = bound(name)?.value { text } else { nil }
    }

    /// The argument `name` as an object of type `T`, described as `what` in the error.
    func object<T: FinchObject>(_ name: String, _ type: T.Type, what: String) throws(FinchError) -> T {
        guard let bound = bound(name) else {
            throw FinchError(ArgumentFailure.missingObject(command: command.name, what: what, usage: CommandDoc.usage(of: command)), at: range)
        }
        guard let object = bound.value.object(T.self) else {
            throw FinchError(ArgumentFailure.wrongObject(command: command.name, what: what, parameter: name, type: bound.value.typeDescription),
                             at: bound.range)
        }
        return object
    }

    /// A list of strings or words given as `name` (one string is a list of one), if given.
    func strings(_ name: String) throws(FinchError) -> [String]? {
        guard let bound = bound(name), bound.value != .none else { return nil }
        switch bound.value {
        case .string(let text), .symbol(let text): return [text]
        case .list(let elements):
            var texts: [String] = []
            for element in elements {
                guard case .string(let text) = element else {
                    throw FinchError(ArgumentFailure.notStrings(name: name, type: element.typeDescription), at: bound.range)
                }
                texts.append(text)
            }
            return texts
        default:
            throw FinchError(ArgumentFailure.notStringOrList(name: name, type: bound.value.typeDescription), at: bound.range)
        }
    }
}
