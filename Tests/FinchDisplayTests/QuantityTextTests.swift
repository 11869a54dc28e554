import FinchDisplay
import Testing

/// Sizes and times read the same wherever Finch shows them.
@Suite struct QuantityTextTests {
    @Test func sizesAreKiBBelowATenthOfAMiBElseMiBWithOneDecimal() {
        #expect(ByteSize.text(0) == "0 KiB")
        #expect(ByteSize.text(12 * 1024 + 300) == "12 KiB")
        #expect(ByteSize.text(104_857) == "102 KiB")
        #expect(ByteSize.text(104_858) == "0.1 MiB")
        #expect(ByteSize.text(65 * 1_048_576 + 200_000) == "65.2 MiB")
    }

    @Test func timesAreSecondsUnderAMinuteThenMinutesAndSeconds() {
        #expect(TimeSpan.text(3.456) == "3.46s")
        #expect(TimeSpan.text(59.9) == "59.9s")
        #expect(TimeSpan.text(233) == "3m53s")
        #expect(TimeSpan.text(244.4) == "4m04s")
        #expect(TimeSpan.milliseconds(0.0388) == "38.8ms")
    }
}
