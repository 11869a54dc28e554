#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FinchDisplay

/// The built-in functions, by name.
enum Functions {
    /// Every function, by name.
    static let table: [String: Function] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// Every function name, sorted.
    static let names: [String] = table.keys.sorted()

    /// The numbers in `values`, or nil if any is not a number.
    static func numbers(in values: [Value]) -> [Double]? {
        let numbers = values.compactMap { if case .number(let number) = $0 { number } else { nil } }
        return numbers.count == values.count ? numbers : nil
    }

    private static let all: [Function] = [
        Function("abs", "abs(x)", "the absolute value of x") { call throws(FinchError) in .number(abs(try call.number())) },
        Function("ceil", "ceil(x)", "the smallest whole number not below x") { call throws(FinchError) in
            .number(try call.number().rounded(.up))
        },
        Function("duration", "duration(seconds)", "seconds as a duration, e.g. 12.6s or 4m05s, as run tables show them") { call throws(FinchError) in
            .string(TimeSpan.text(try call.number()))
        },
        Function("exp", "exp(x)", "e raised to the power x") { call throws(FinchError) in .number(exp(try call.number())) },
        Function("floor", "floor(x)", "the largest whole number not above x") { call throws(FinchError) in
            .number(try call.number().rounded(.down))
        },
        Function("length", "length(x)", "the number of elements of a list or range, or characters of a string") {
            call throws(FinchError) in
            try call.expect(1)
            let argument = call.positional[0]
            switch argument.value {
            case .list(let elements): return .number(Double(elements.count))
            case .range(let span): return .number(Double(span.count))
            case .string(let text): return .number(Double(text.count))
            default:
                throw FinchError(FunctionFailure.noLength(type: argument.value.typeDescription), at: argument.range)
            }
        },
        Function("log", "log(x)", "the natural logarithm of x, for x > 0") { call throws(FinchError) in
            let x = try call.number()
            guard x > 0 else {
                throw FinchError(FunctionFailure.logOfNonPositive(x), at: call.positional[0].range)
            }
            return .number(log(x))
        },
        Function("max", "max(list) or max(a, b, …)", "the largest of the numbers") { call throws(FinchError) in
            .number(try call.nonEmptyNumbers().max() ?? 0)
        },
        Function("mean", "mean(list)", "the average of the numbers") { call throws(FinchError) in
            let numbers = try call.nonEmptyNumbers()
            return .number(numbers.reduce(0, +) / Double(numbers.count))
        },
        Function("min", "min(list) or min(a, b, …)", "the smallest of the numbers") { call throws(FinchError) in
            .number(try call.nonEmptyNumbers().min() ?? 0)
        },
        Function("record", "record(name: value, …)", "a record with the given fields, read back as properties",
                 labels: nil) { call throws(FinchError) in
            try call.expect(0)
            return .record(Record(typeName: "record",
                                  fields: call.labelled.map { Record.Field(name: $0.label, value: $0.bound.value) }))
        },
        Function("round", "round(x, digits: 0)", "x rounded to the given number of decimal digits (halves away from zero)",
                 labels: ["digits"]) { call throws(FinchError) in
            let x = try call.number()
            guard let digits = call["digits"] else { return .number(x.rounded()) }
            let count = try call.number(digits)
            let limits = 0...15
            guard count == count.rounded(), count >= Double(limits.lowerBound), count <= Double(limits.upperBound) else {
                throw FinchError(ArgumentFailure.wholeNumberOutOfLimits(name: "digits:", limits: limits, value: Value.format(count)),
                                 at: digits.range)
            }
            let scale = pow(10, count)
            return .number((x * scale).rounded() / scale)
        },
        Function("sqrt", "sqrt(x)", "the square root of x, for x ≥ 0") { call throws(FinchError) in
            let x = try call.number()
            guard x >= 0 else {
                throw FinchError(FunctionFailure.squareRootOfNegative(x), at: call.positional[0].range)
            }
            return .number(x.squareRoot())
        },
        Function("std", "std(list)", "the sample standard deviation of the numbers (n − 1 in the denominator; 0 for one number)") { call throws(FinchError) in
            let numbers = try call.nonEmptyNumbers()
            guard numbers.count > 1 else { return .number(0) }
            let mean = numbers.reduce(0, +) / Double(numbers.count)
            return .number((numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(numbers.count - 1)).squareRoot())
        },
        Function("sum", "sum(list)", "the sum of the numbers (0 for an empty list)") { call throws(FinchError) in
            .number(try call.numbers().reduce(0, +))
        },
    ]
}
