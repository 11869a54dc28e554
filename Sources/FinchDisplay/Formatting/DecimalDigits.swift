/// The decimal digits of a finite, non-negative `Double`, taken from its shortest round-trip
/// representation (`description`), so rounding happens on the digits a person would read.
///
/// The value is `0.d₀d₁d₂… × 10^point`: `point` counts the digits before the decimal point
/// (it is zero or negative for values below 0.1).
struct DecimalDigits: Equatable {
    /// The digits, 0…9, without leading zeros; empty for zero.
    var digits: [UInt8]
    /// Where the decimal point sits relative to the first digit.
    var point: Int

    /// The digits of `value`, which must be finite; the sign is ignored.
    init(_ value: Double) {
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for character in value.magnitude.description.utf8 {
            switch character {
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-") where inExponent: exponentSign = -1
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = character - UInt8(ascii: "0")
                if inExponent {
                    exponent = exponent * 10 + Int(digit)
                } else if digits.isEmpty && digit == 0 {
                    if seenPoint { point -= 1 }
                } else {
                    digits.append(digit)
                    if !seenPoint { point += 1 }
                }
            default: break
            }
        }
        while digits.last == 0 { digits.removeLast() }
        self.digits = digits
        self.point = digits.isEmpty ? 0 : point + exponentSign * exponent
    }

    /// True for zero.
    var isZero: Bool { digits.isEmpty }

    /// The power of ten of the leading digit (`2` for 123.4, `-3` for 0.00123).
    var exponent: Int { point - 1 }

    /// Rounds half away from zero, keeping the digits before position `point + decimals`.
    mutating func round(decimals: Int) {
        let keep = point + decimals
        guard keep < digits.count else { return }
        guard keep >= 0 else {
            digits = []
            point = 0
            return
        }
        let roundsUp = digits[keep] >= 5
        digits.removeSubrange(keep...)
        if roundsUp {
            var index = keep - 1
            while index >= 0 && digits[index] == 9 {
                digits[index] = 0
                index -= 1
            }
            if index >= 0 {
                digits[index] += 1
            } else {
                digits.insert(1, at: 0)
                point += 1
            }
        }
        while digits.last == 0 { digits.removeLast() }
        if digits.isEmpty { point = 0 }
    }

    /// The digits in positional notation: `123.4`, `0.00123`, `120`.
    var positional: String {
        if digits.isEmpty { return "0" }
        var text = ""
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point)
            for digit in digits { text.append(Character(Unicode.Scalar(digit + 48))) }
            return text
        }
        for index in 0..<max(point, digits.count) {
            if index == point { text.append(".") }
            let digit = index < digits.count ? digits[index] : 0
            text.append(Character(Unicode.Scalar(digit + 48)))
        }
        return text
    }

    /// The digits as a mantissa and a power of ten: `1.234e-5`, `2e9`.
    var scientific: String {
        guard let first = digits.first else { return "0" }
        var text = String(first)
        if digits.count > 1 {
            text.append(".")
            for digit in digits.dropFirst() { text.append(Character(Unicode.Scalar(digit + 48))) }
        }
        return text + "e" + String(exponent)
    }
}
