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
                throw FinchError(OperationFailure.negation(type: value.typeDescription), at: expr.range)
            }
            return .number(-number)
        case .not(let operand):
            return .bool(!(try truth(of: operand, as: .notOperand)))
        case .binary(let op, let left, let right):
            let operands = Operands(left: try evaluate(left), right: try evaluate(right), leftRange: left.range,
                                    rightRange: right.range, range: expr.range)
            return try Operators.apply(op, operands)
        case .logical(let op, let left, let right):
            let first = try truth(of: left, as: .operands(op))
            if (op == .and && !first) || (op == .or && first) { return .bool(first) }
            return .bool(try truth(of: right, as: .operands(op)))
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
        FinchError(OperationFailure.tooManyElements(limit: maxListCount), at: range)
    }

    private func lookup(_ name: String, at range: SourceRange) throws(FinchError) -> Value {
        if let value = variables[name] { return value }
        if let command = commands[name], command.readsAsValue {
            return try run(CommandCall(name: Name(text: name, range: range), arguments: [], block: nil), range: range)
        }
        if commands[name] != nil {
            throw FinchError(NameFailure.commandAsValue(name), at: range)
        }
        if Functions.table[name] != nil {
            throw FinchError(NameFailure.functionAsValue(name), at: range)
        }
        throw FinchError(NameFailure.unknownName(name, known: knownNames), at: range)
    }

    private func bound(_ expr: Expr) throws(FinchError) -> Int {
        let value = try evaluate(expr)
        guard case .number(let number) = value else {
            throw FinchError(OperationFailure.rangeBound(type: value.typeDescription), at: expr.range)
        }
        guard number == number.rounded(), abs(number) <= 1e15 else {
            throw FinchError(OperationFailure.fractionalRangeBound(number), at: expr.range)
        }
        return Int(number)
    }

    private func call(_ name: Name, _ arguments: [Argument], range: SourceRange) throws(FinchError) -> Value {
        guard let function = Functions.table[name.text] else {
            if commands[name.text] != nil {
                throw FinchError(NameFailure.commandCalled(name.text), at: name.range)
            }
            throw FinchError(NameFailure.unknownFunction(name.text, functions: Functions.names), at: name.range)
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
                throw FinchError(FunctionFailure.unknownLabel(function: function.name, label: label.text, labels: labels), at: label.range)
            }
            if labelled.contains(where: { $0.label == label.text }) {
                throw FinchError(FunctionFailure.givenTwice(label: label.text), at: label.range)
            }
            labelled.append(LabelledValue(label: label.text, bound: bound))
        }
        return try function.run(FunctionCall(function: function, range: range, positional: positional, labelled: labelled))
    }
}
