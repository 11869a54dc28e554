import FinchEngine

/// Arguments that do not fit a built-in function: their labels, their count, their types, and
/// values outside what the function is defined for.
enum FunctionFailure: LanguageFailure, Equatable, Sendable {
    /// A label the function does not take; `labels` are those it takes.
    case unknownLabel(function: String, label: String, labels: [String])
    /// A label written twice in one call.
    case givenTwice(label: String)
    /// A call with `given` positional arguments of a function that takes `expected`.
    case wrongCount(function: String, expected: Int, given: Int)
    /// A value of type `type` where the function needs a number.
    case needsNumber(function: String, type: String)
    /// A list with an element that is not a number, where the function needs numbers.
    case needsListOfNumbers(function: String)
    /// No numbers for a function that aggregates them, as `max([])`.
    case needsSomeNumber(function: String)
    /// `length` of a value of type `type`, which has no length.
    case noLength(type: String)
    /// `log` of zero or a negative number.
    case logOfNonPositive(Double)
    /// `sqrt` of a negative number.
    case squareRootOfNegative(Double)

    /// Argument errors for labels and counts, type errors for types, value errors for values.
    var kind: ErrorKind {
        switch self {
        case .unknownLabel, .givenTwice, .wrongCount: .argument
        case .needsNumber, .needsListOfNumbers, .noLength: .type
        case .needsSomeNumber, .logOfNonPositive, .squareRootOfNegative: .value
        }
    }

    /// Which argument does not fit the function, and how.
    var message: String {
        switch self {
        case let .unknownLabel(function, label, _): "'\(function)' has no argument '\(label):'"
        case .givenTwice(let label): "'\(label):' is given twice"
        case let .wrongCount(function, expected, given):
            "'\(function)' takes \(expected) \(expected == 1 ? "argument" : "arguments"), got \(given)"
        case let .needsNumber(function, type): "'\(function)' needs a number, not \(type)"
        case .needsListOfNumbers(let function): "'\(function)' needs a list of numbers"
        case .needsSomeNumber(let function): "'\(function)' needs at least one number"
        case .noLength(let type): "'length' needs a list, range or string, not \(type)"
        case .logOfNonPositive(let x): "'log' needs a positive number, not \(Value.format(x))"
        case .squareRootOfNegative(let x): "cannot take the square root of a negative number (\(Value.format(x)))"
        }
    }

    /// The closest label the function takes, for an unknown label.
    var note: String? {
        guard case let .unknownLabel(_, label, labels) = self else { return nil }
        return Suggestion.note(for: label, in: labels)
    }
}
