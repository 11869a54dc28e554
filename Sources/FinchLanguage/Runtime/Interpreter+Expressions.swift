import FinchEngine

extension Interpreter {
    /// Evaluates one expression.
    func evaluate(_ expr: Expr) throws(FinchError) -> Value {
        switch expr.kind {
        case .number(let value): return .number(value)
        case .string(let text): return .string(text)
        case .bool(let value): return .bool(value)
        case .none: return .none
        case .list(let elements):
            guard elements.count <= Interpreter.maxListCount else { throw Interpreter.tooLong(at: expr.range) }
            var values: [Value] = []
            for element in elements { values.append(try evaluate(element)) }
            return .list(values)
        case .variable(let name):
            return try lookup(name, at: expr.range)
        case .negate(let operand):
            let value = try evaluate(operand)
            guard case .number(let number) = value else {
                throw FinchError(.type, "cannot negate \(value.typeDescription)", at: expr.range)
            }
            return .number(-number)
        case .not(let operand):
            return .bool(!(try truth(of: operand, what: "the operand of 'not'")))
        case .binary(let op, let left, let right):
            let operands = Operands(left: try evaluate(left), right: try evaluate(right), leftRange: left.range,
                                    rightRange: right.range, range: expr.range)
            return try Operators.apply(op, operands)
        case .logical(let op, let left, let right):
            let what = "the operands of '\(op.rawValue)'"
            let first = try truth(of: left, what: what)
            if (op == .and && !first) || (op == .or && first) { return .bool(first) }
            return .bool(try truth(of: right, what: what))
        case .range(let lower, let upper, let inclusive):
            return .range(RangeValue(lower: try bound(lower), upper: try bound(upper), inclusive: inclusive))
        case .property(let base, let name):
            return try Properties.value(of: name, on: try evaluate(base))
        case .index(let base, let index):
            return try Iteration.element(of: try evaluate(base), at: try evaluate(index), range: index.range)
        case .call(let name, let arguments):
            return try call(name, arguments, range: expr.range)
        case .command(let call):
            return try run(call, range: expr.range)
        }
    }

    /// The error for a list or string that would grow past the limits.
    static func tooLong(at range: SourceRange) -> FinchError {
        FinchError(.value, "the result would have more than \(maxListCount) elements", at: range)
    }

    private func lookup(_ name: String, at range: SourceRange) throws(FinchError) -> Value {
        if let value = variables[name] { return value }
        if let command = commands[name], command.readsAsValue {
            return try run(CommandCall(name: Name(text: name, range: range), arguments: [], block: nil), range: range)
        }
        if commands[name] != nil {
            throw FinchError(.name, "'\(name)' is a command; write it at the start of a statement", at: range)
        }
        if Functions.table[name] != nil {
            throw FinchError(.name, "'\(name)' is a function; call it with parentheses, as in \(name)(…)", at: range)
        }
        throw FinchError(.name, "unknown name '\(name)'", at: range, note: Suggestion.note(for: name, in: knownNames))
    }

    private func bound(_ expr: Expr) throws(FinchError) -> Int {
        let value = try evaluate(expr)
        guard case .number(let number) = value else {
            throw FinchError(.type, "a range needs numbers, not \(value.typeDescription)", at: expr.range)
        }
        guard number == number.rounded(), abs(number) <= 1e15 else {
            throw FinchError(.value, "a range needs whole numbers, not \(Value.format(number))", at: expr.range)
        }
        return Int(number)
    }

    private func call(_ name: Name, _ arguments: [Argument], range: SourceRange) throws(FinchError) -> Value {
        guard let function = Functions.table[name.text] else {
            if commands[name.text] != nil {
                throw FinchError(.name, "'\(name.text)' is a command; write it at the start of a statement without parentheses",
                                 at: name.range)
            }
            throw FinchError(.name, "unknown function '\(name.text)'", at: name.range,
                             note: Suggestion.note(for: name.text, in: Functions.names))
        }
        var positional: [BoundValue] = []
        var labelled: [LabelledValue] = []
        for argument in arguments {
            let bound = BoundValue(value: try evaluate(argument.value), range: argument.value.range)
            guard let label = argument.label else {
                positional.append(bound)
                continue
            }
            if let labels = function.labels, !labels.contains(label.text) {
                throw FinchError(.argument, "'\(function.name)' has no argument '\(label.text):'", at: label.range,
                                 note: Suggestion.note(for: label.text, in: labels))
            }
            if labelled.contains(where: { $0.label == label.text }) {
                throw FinchError(.argument, "'\(label.text):' is given twice", at: label.range)
            }
            labelled.append(LabelledValue(label: label.text, bound: bound))
        }
        return try function.run(FunctionCall(function: function, range: range, positional: positional, labelled: labelled))
    }
}
