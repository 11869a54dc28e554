#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The two evaluated operands of a binary operator and where each was written.
struct Operands {
    /// The left operand's value.
    let left: Value
    /// The right operand's value.
    let right: Value
    /// Where the left operand is.
    let leftRange: SourceRange
    /// Where the right operand is.
    let rightRange: SourceRange
    /// Where the whole operation is.
    let range: SourceRange
}

/// The arithmetic and comparison operators on values.
enum Operators {
    /// Applies `op` to `operands`, or throws a type or value error saying which types met.
    static func apply(_ op: BinaryOperator, _ operands: Operands) throws(FinchError) -> Value {
        switch (op, operands.left, operands.right) {
        case (.equal, let a, let b): return .bool(a == b)
        case (.notEqual, let a, let b): return .bool(a != b)
        case (.add, .string(let a), .string(let b)):
            guard a.utf8.count + b.utf8.count <= Interpreter.maxListCount else {
                throw FinchError(OperationFailure.stringTooLong(limit: Interpreter.maxListCount), at: operands.range)
            }
            return .string(a + b)
        case (.add, .list(let a), .list(let b)):
            guard a.count + b.count <= Interpreter.maxListCount else { throw Interpreter.tooLong(at: operands.range) }
            return .list(a + b)
        case (.less, .string(let a), .string(let b)): return .bool(a < b)
        case (.lessEqual, .string(let a), .string(let b)): return .bool(a <= b)
        case (.greater, .string(let a), .string(let b)): return .bool(a > b)
        case (.greaterEqual, .string(let a), .string(let b)): return .bool(a >= b)
        case (_, .number(let a), .number(let b)): return try arithmetic(op, a, b, operands)
        default:
            throw FinchError(OperationFailure.mismatch(op, left: operands.left.typeDescription, right: operands.right.typeDescription),
                             at: operands.range)
        }
    }

    private static func arithmetic(_ op: BinaryOperator, _ a: Double, _ b: Double, _ operands: Operands) throws(FinchError) -> Value {
        switch op {
        case .add: return .number(a + b)
        case .subtract: return .number(a - b)
        case .multiply: return .number(a * b)
        case .divide:
            guard b != 0 else { throw FinchError(OperationFailure.divisionByZero, at: operands.rightRange) }
            return .number(a / b)
        case .remainder:
            guard b != 0 else { throw FinchError(OperationFailure.remainderByZero, at: operands.rightRange) }
            return .number(a - b * (a / b).rounded(.down))
        case .power: return .number(pow(a, b))
        case .less: return .bool(a < b)
        case .lessEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterEqual: return .bool(a >= b)
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        }
    }
}
