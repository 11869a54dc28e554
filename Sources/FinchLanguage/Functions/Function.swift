/// A built-in function, called as `name(positional…, label: value…)`.
struct Function: Sendable {
    /// The name before the parentheses.
    let name: String
    /// How a call reads, e.g. `round(x, digits: 0)`.
    let signature: String
    /// What the function computes.
    let doc: String
    /// The labels it accepts; nil accepts any (as `record` does).
    let labels: [String]?
    /// Computes the result from checked-by-name arguments.
    let run: @Sendable (FunctionCall) throws(FinchError) -> Value

    /// A function; see the properties for the meaning of each argument.
    init(_ name: String, _ signature: String, _ doc: String, labels: [String]? = [],
         run: @escaping @Sendable (FunctionCall) throws(FinchError) -> Value) {
        self.name = name
        self.signature = signature
        self.doc = doc
        self.labels = labels
        self.run = run
    }
}

/// One labelled argument of a call, in the order written.
struct LabelledValue {
    /// The label before the colon.
    let label: String
    /// The value and where it was written.
    let bound: BoundValue
}

/// The evaluated arguments of one function call, with helpers that check them.
struct FunctionCall {
    /// The function being called.
    let function: Function
    /// Where the whole call is.
    let range: SourceRange
    /// Unlabelled arguments in order.
    let positional: [BoundValue]
    /// Labelled arguments in order.
    let labelled: [LabelledValue]

    /// The value labelled `label`, if given.
    subscript(label: String) -> BoundValue? {
        labelled.first { $0.label == label }?.bound
    }

    /// Checks that exactly `count` positional arguments were given.
    func expect(_ count: Int) throws(FinchError) {
        guard positional.count != count else { return }
        throw FinchError(FunctionFailure.wrongCount(function: function.name, expected: count, given: positional.count), at: range)
    }

    /// The single positional argument as a number.
    func number() throws(FinchError) -> Double {
        try expect(1)
        return try number(positional[0])
    }

    /// `argument` as a number, or a type error naming the function.
    func number(_ argument: BoundValue) throws(FinchError) -> Double {
        guard case .number(let value) = argument.value else {
            throw FinchError(FunctionFailure.needsNumber(function: function.name, type: argument.value.typeDescription), at: argument.range)
        }
        return value
    }

    /// The numbers to aggregate: the elements of one list or range argument, or all the
    /// positional arguments.
    func numbers() throws(FinchError) -> [Double] {
        if positional.count == 1 {
            let argument = positional[0]
            switch argument.value {
            case .list(let elements):
                guard let numbers = Functions.numbers(in: elements) else {
                    throw FinchError(FunctionFailure.needsListOfNumbers(function: function.name), at: argument.range)
                }
                return numbers
            case .range(let span):
                guard span.count <= Interpreter.maxListCount else { throw Interpreter.tooLong(at: argument.range) }
                return (0..<span.count).map { Double(span.lower + $0) }
            default: break
            }
        }
        var numbers: [Double] = []
        for argument in positional { numbers.append(try number(argument)) }
        return numbers
    }

    /// The numbers to aggregate, which must not be empty.
    func nonEmptyNumbers() throws(FinchError) -> [Double] {
        let numbers = try numbers()
        guard !numbers.isEmpty else {
            throw FinchError(FunctionFailure.needsSomeNumber(function: function.name), at: range)
        }
        return numbers
    }
}
