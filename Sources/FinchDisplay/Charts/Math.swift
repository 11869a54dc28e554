#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Base-10 logarithm (the C library's), for log scales and tick steps.
func decimalLog(_ value: Double) -> Double { log10(value) }

/// Ten to the power `exponent`.
func powerOfTen(_ exponent: Double) -> Double { pow(10, exponent) }

/// Where `value` sits between `low` (0) and `high` (1), clamped to 0…1; 0 when undefined.
/// Halved first, so that ranges near the largest doubles do not overflow.
func unitFraction(_ value: Double, low: Double, high: Double) -> Double {
    let fraction = (value / 2 - low / 2) / (high / 2 - low / 2)
    return fraction.isFinite ? min(1, max(0, fraction)) : 0
}
