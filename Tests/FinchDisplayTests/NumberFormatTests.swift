@testable import FinchDisplay
import Testing

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (2.0, "2"), (1000.0, "1000"), (-42.0, "-42"),
        (2.302585, "2.303"), (0.45123, "0.4512"), (0.5, "0.5"), (0.1 + 0.2, "0.3"),
        (0.012345, "0.01235"), (12345.67, "12346"), (0.99996, "1"), (9.9996, "10"),
        (2.675, "2.675"), (2.6755, "2.676"), (0.0001, "0.0001"),
        (0.00001234567, "1.235e-5"), (1e-5, "1e-5"), (3.2e12, "3.2e12"),
        (-0.000002, "-2e-6"), (999_999_999.0, "999999999"), (1e9, "1e9"),
        (Double.nan, "nan"), (Double.infinity, "inf"), (-Double.infinity, "-inf"),
    ])
    func standardFormat(value: Double, expected: String) {
        #expect(NumberFormat.standard.string(value) == expected)
    }

    @Test func countsGroupThousandsAndStayExact() {
        #expect(NumberFormat.count.string(1_234_567) == "1,234,567")
        #expect(NumberFormat.count.string(-1000) == "-1,000")
        #expect(NumberFormat.count.string(999) == "999")
        #expect(NumberFormat.count.string(12_345_678_901.0) == "12,345,678,901")
        #expect(NumberFormat.count.string(0) == "0")
    }

    @Test func significantDigitsAreSettable() {
        let two = NumberFormat(significantDigits: 2)
        #expect(two.string(3.14159) == "3.1")
        #expect(two.string(0.000012345) == "1.2e-5")
        #expect(NumberFormat(significantDigits: 6).string(3.14159265) == "3.14159")
    }

    @Test func decimalDigitsReadTheShortestRepresentation() {
        #expect(digitsAndPoint(123.45) == ([1, 2, 3, 4, 5], 3))
        #expect(digitsAndPoint(0.00123) == ([1, 2, 3], -2))
        #expect(digitsAndPoint(1.5e-7) == ([1, 5], -6))
        #expect(digitsAndPoint(2e20) == ([2], 21))
        #expect(digitsAndPoint(0) == ([], 0))
    }

    private func digitsAndPoint(_ value: Double) -> ([UInt8], Int) {
        let digits = DecimalDigits(value)
        return (digits.digits, digits.point)
    }
}
