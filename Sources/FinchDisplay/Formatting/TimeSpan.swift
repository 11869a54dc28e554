/// Lengths of time as Finch shows them in run headers, tables and `duration(…)`.
public enum TimeSpan {
    /// Seconds as `12.3s` or, from a minute, `4m05s`.
    public static func text(_ seconds: Double) -> String {
        if seconds < 60 { return NumberFormat(significantDigits: 3).string(seconds) + "s" }
        let whole = Int(seconds.rounded())
        let remainder = whole % 60
        return "\(whole / 60)m" + (remainder < 10 ? "0" : "") + "\(remainder)s"
    }

    /// Seconds as milliseconds with three significant digits, e.g. `3.14ms`.
    public static func milliseconds(_ seconds: Double) -> String {
        NumberFormat(significantDigits: 3).string(seconds * 1000) + "ms"
    }
}
