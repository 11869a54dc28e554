/// An axis range widened to round numbers, with ticks in 1-2-5 steps (…, 0.1, 0.2, 0.5, 1, 2,
/// 5, 10, …) on a linear scale, or at powers of ten (with 2 and 5 between when few) on a log one.
///
/// On a log scale `lower` and `upper` are the base-10 logarithms of the range, so charts map
/// positions linearly in both cases; `ticks` always holds data values.
struct NiceScale: Equatable {
    var lower: Double
    var upper: Double
    var ticks: [Double]
    var isLog: Bool

    /// A linear scale covering `low...high` in at most `count` intervals.
    init(low: Double, high: Double, count: Int) {
        isLog = false
        var low = low
        var high = high
        if low == high {
            let pad = low == 0 ? 1 : low.magnitude / 10
            low -= pad
            high += pad
        }
        guard (high - low).isFinite else {
            (lower, upper, ticks) = (low, high, [low, low / 2 + high / 2, high])
            return
        }
        // The smallest 1-2-5 step that needs at most `count` intervals once widened.
        let target = Double(max(1, count))
        var decade = Int(decimalLog((high - low) / target).rounded(.down))
        var multiple = 0
        var step = Self.decimal(1, decade)
        while ((high / step - 1e-9).rounded(.up) - (low / step + 1e-9).rounded(.down)) > target {
            multiple += 1
            if multiple == 3 { multiple = 0; decade += 1 }
            step = Self.decimal([1, 2, 5][multiple], decade)
        }
        let first = Int((low / step + 1e-9).rounded(.down))
        let last = Int((high / step - 1e-9).rounded(.up))
        let factor = [1, 2, 5][multiple]
        ticks = (first...last).map { Self.decimal($0 * factor, decade) }
        lower = ticks[0]
        upper = ticks[ticks.count - 1]
    }

    /// The `Double` nearest to `digits × 10^exponent`, computed with one correctly rounded
    /// operation so that ticks read back exactly (`0.6`, not `0.6000000000000001`).
    private static func decimal(_ digits: Int, _ exponent: Int) -> Double {
        exponent < 0 ? Double(digits) / powerOfTen(Double(-exponent))
            : Double(digits) * powerOfTen(Double(exponent))
    }

    /// A log scale covering `low...high` (both positive): whole decades, ticks at each power of
    /// ten, and at 2 and 5 times them when the range spans at most two decades.
    init(logLow low: Double, logHigh high: Double) {
        isLog = true
        let first = decimalLog(low).rounded(.down)
        var last = decimalLog(high).rounded(.up)
        if last == first { last += 1 }
        lower = first
        upper = last
        let multiples: [Double] = last - first <= 2 ? [1, 2, 5] : [1]
        ticks = stride(from: first, through: last, by: 1).flatMap { decade in
            multiples.map { $0 * powerOfTen(decade) }
        }.filter { decimalLog($0) <= last + 1e-9 }
    }

    /// Where `value` sits along the axis, 0 at `lower` and 1 at `upper`.
    func fraction(_ value: Double) -> Double {
        let position = isLog ? decimalLog(value) : value
        return unitFraction(position, low: lower, high: upper)
    }
}
