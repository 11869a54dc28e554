/// A range of whole numbers with step one: `lower..upper` (inclusive) or `lower..<upper`.
struct RangeValue: Equatable, Sendable {
    /// The first number.
    let lower: Int
    /// The last number, or one past it when not inclusive.
    let upper: Int
    /// Whether `upper` belongs to the range.
    let inclusive: Bool

    /// How many numbers the range holds (never negative).
    var count: Int { max(0, (inclusive ? upper + 1 : upper) - lower) }

    /// The number at `offset` from the start; the caller checks bounds.
    func element(at offset: Int) -> Value { .number(Double(lower + offset)) }

    /// The range as Finch source writes it.
    var text: String { "\(lower)\(inclusive ? ".." : "..<")\(upper)" }
}
