/// How numbers are written, the same in every form (text, HTML, SVG, CSV, Markdown), so a value
/// reads identically in a terminal and in JupyterLab.
///
/// - Integral values are written without decimals (`1000`, optionally `1,000`).
/// - Other values keep `significantDigits` significant digits, trailing zeros dropped
///   (`2.303`, `0.01235`), but never round away digits before the decimal point (`12346`).
/// - Very small or very large magnitudes use scientific notation (`1.5e-7`, `3.2e12`).
/// - NaN and infinities are written `nan`, `inf`, `-inf`; negative zero is written `0`.
public struct NumberFormat: Sendable, Equatable {
    /// Significant digits kept for non-integral values.
    public var significantDigits: Int
    /// Whether integral values group thousands with commas (`1,234,567`).
    public var groupsThousands: Bool
    /// Non-zero magnitudes below this are written in scientific notation.
    public var smallLimit: Double
    /// Magnitudes at or above this are written in scientific notation, unless integral and
    /// `groupsThousands` is set (counts are always written in full below 10¹⁵).
    public var largeLimit: Double

    /// A format; the defaults suit metrics such as losses and accuracies.
    public init(significantDigits: Int = 4, groupsThousands: Bool = false,
                smallLimit: Double = 1e-4, largeLimit: Double = 1e9) {
        self.significantDigits = max(1, significantDigits)
        self.groupsThousands = groupsThousands
        self.smallLimit = smallLimit
        self.largeLimit = largeLimit
    }

    /// Metrics: four significant digits (`0.4512`, `2.303`, `1.2e-5`).
    public static let standard = NumberFormat()

    /// Counts such as parameters: integers in full with thousands grouped (`1,234,567`).
    public static let count = NumberFormat(groupsThousands: true)

    /// Writes `value` in this format.
    public func string(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        if magnitude < 1e15 && magnitude.rounded() == magnitude
            && (groupsThousands || magnitude < largeLimit) {
            return sign + integerDigits(UInt64(magnitude))
        }
        var digits = DecimalDigits(magnitude)
        if magnitude < smallLimit || magnitude >= largeLimit {
            digits.round(decimals: significantDigits - 1 - digits.exponent)
            return sign + digits.scientific
        }
        digits.round(decimals: max(0, significantDigits - 1 - digits.exponent))
        if digits.isZero { return "0" }
        if digits.digits.count <= digits.point {
            return sign + integerDigits(UInt64(digits.positional) ?? 0)
        }
        return sign + digits.positional
    }

    /// Writes `value` in this format.
    public func string(_ value: Int) -> String {
        let sign = value < 0 ? "-" : ""
        return sign + integerDigits(UInt64(value.magnitude))
    }

    private func integerDigits(_ value: UInt64) -> String {
        let plain = String(value)
        guard groupsThousands, plain.count > 3 else { return plain }
        var grouped = ""
        for (index, character) in plain.enumerated() {
            if index > 0 && (plain.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return grouped
    }
}
