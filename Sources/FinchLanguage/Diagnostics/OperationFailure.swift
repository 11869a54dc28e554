/// Values that an operator, a condition, a range or an assignment cannot work with, and results
/// that would grow past the interpreter's limits.
enum OperationFailure: LanguageFailure, Equatable, Sendable {
    /// Where a condition that must be true or false was written.
    enum Condition: Equatable, Sendable {
        /// The condition of an `if`.
        case ifCondition
        /// The operand of `not`.
        case notOperand
        /// The operands of `and` or `or`.
        case operands(LogicalOperator)

        /// The condition as the message names it, as `the condition of 'if'`.
        var description: String {
            switch self {
            case .ifCondition: "the condition of 'if'"
            case .notOperand: "the operand of 'not'"
            case .operands(let op): "the operands of '\(op.rawValue)'"
            }
        }
    }

    /// `op` applied to values of types `left` and `right` that it does not combine.
    case mismatch(BinaryOperator, left: String, right: String)
    /// `a / 0`.
    case divisionByZero
    /// `a % 0`.
    case remainderByZero
    /// `-x` of a value of type `type`.
    case negation(type: String)
    /// A condition whose value, of type `type`, is not a boolean.
    case notABoolean(Condition, type: String)
    /// A range bound of type `type`.
    case rangeBound(type: String)
    /// A range bound that is not a whole number.
    case fractionalRangeBound(Double)
    /// An assignment of a value of type `type` to `names` names.
    case cannotUnpack(type: String, names: Int)
    /// An assignment of `values` values to `names` names.
    case unpackCount(values: Int, names: Int)
    /// `x = command` where `command` gives one value for each of `names`.
    case unpackedIntoOne(command: String, names: [String])
    /// A list or range that would have more than `limit` elements.
    case tooManyElements(limit: Int)
    /// A string that would be longer than `limit` bytes.
    case stringTooLong(limit: Int)

    /// Type errors for the types of values, value errors for the values themselves.
    var kind: ErrorKind {
        switch self {
        case .mismatch, .negation, .notABoolean, .rangeBound, .cannotUnpack: .type
        case .divisionByZero, .remainderByZero, .fractionalRangeBound, .unpackCount, .unpackedIntoOne, .tooManyElements,
             .stringTooLong: .value
        }
    }

    /// What cannot be done with which values.
    var message: String {
        switch self {
        case let .mismatch(op, a, b):
            switch op {
            case .add: "cannot add \(a) and \(b)"
            case .subtract: "cannot subtract \(b) from \(a)"
            case .multiply: "cannot multiply \(a) by \(b)"
            case .divide: "cannot divide \(a) by \(b)"
            case .remainder: "cannot take the remainder of \(a) divided by \(b)"
            case .power: "cannot raise \(a) to the power of \(b)"
            case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: "cannot compare \(a) and \(b) with '\(op.rawValue)'"
            }
        case .divisionByZero: "division by zero"
        case .remainderByZero: "remainder of a division by zero"
        case .negation(let type): "cannot negate \(type)"
        case let .notABoolean(condition, type): "\(condition.description) must be true or false, not \(type)"
        case .rangeBound(let type): "a range needs numbers, not \(type)"
        case .fractionalRangeBound(let bound): "a range needs whole numbers, not \(Value.format(bound))"
        case let .cannotUnpack(type, names): "cannot unpack \(type) into \(names) names"
        case let .unpackCount(values, names): "cannot unpack \(values) values into \(names) names"
        case let .unpackedIntoOne(command, names): "'\(command)' gives \(names.count) values; unpack them into \(names.count) names, not one"
        case .tooManyElements(let limit): "the result would have more than \(limit) elements"
        case .stringTooLong(let limit): "the string would be longer than \(limit) bytes"
        }
    }

    /// How to write an assignment of several values.
    var note: String? {
        guard case let .unpackedIntoOne(command, names) = self else { return nil }
        return "write '\(names.joined(separator: ", ")) = \(command) …'"
    }
}
