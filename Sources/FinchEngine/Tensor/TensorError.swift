/// Why a tensor operation was refused.
public enum TensorError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The number of values does not match the product of the shape.
    case countMismatch(shape: [Int], count: Int)
    /// A reshape to a shape with a different element count.
    case reshapeMismatch(from: [Int], to: [Int])
    /// Two shapes cannot be broadcast together.
    case notBroadcastable([Int], [Int])
    /// Inner dimensions of a matrix product differ.
    case matmulMismatch([Int], [Int])
    /// An axis outside `0..<rank`.
    case badAxis(Int, rank: Int)
    /// A range outside the dimension's extent.
    case badRange(lower: Int, upper: Int, extent: Int)
    /// A dimension that is negative.
    case negativeDimension([Int])

    /// One-line human-readable explanation.
    public var description: String {
        switch self {
        case let .countMismatch(shape, count): "shape \(shape) needs \(shape.reduce(1, *)) values, got \(count)"
        case let .reshapeMismatch(from, to): "cannot reshape \(from) (\(from.reduce(1, *)) values) to \(to) (\(to.reduce(1, *)) values)"
        case let .notBroadcastable(a, b): "shapes \(a) and \(b) cannot be broadcast together"
        case let .matmulMismatch(a, b): "matrix product of \(a) and \(b): inner dimensions differ"
        case let .badAxis(axis, rank): "axis \(axis) out of range for rank \(rank)"
        case let .badRange(lower, upper, extent): "range \(lower)..<\(upper) out of bounds for extent \(extent)"
        case let .negativeDimension(shape): "shape \(shape) has a negative dimension"
        }
    }
}
