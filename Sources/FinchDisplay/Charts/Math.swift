#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Base-10 logarithm (the C library's), for log scales and tick steps.
func decimalLog(_ value: Double) -> Double { log10(value) }

/// Ten to the power `exponent`.
func powerOfTen(_ exponent: Double) -> Double { pow(10, exponent) }
