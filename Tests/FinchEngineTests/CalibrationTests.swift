@testable import FinchEngine
import Testing

/// The expected calibration error over 15 equal-width bins of confidence (Guo et al. 2017).
@Suite struct CalibrationTests {
    @Test func aClassifierAsSureAsItIsRightHasNoError() throws {
        // Ten answers at confidence 0.8, eight of them right.
        let rows = Array(repeating: [0.8, 0.2], count: 10)
        let labels = Array(repeating: 0, count: 8) + [1, 1]
        let calibration = try Calibration(probabilities: rows, labels: labels)
        #expect(abs(calibration.expectedError) < 1e-12)
        #expect(abs(calibration.meanConfidence - 0.8) < 1e-12)
        #expect(calibration.wrongConfidence.map { abs($0 - 0.8) < 1e-12 } == true)
        #expect(calibration.bins[12].count == 10, "0.8 lies in the bin [0.8, 0.867)")
    }

    @Test func aClassifierSureOfWrongAnswersHasAnErrorNearOne() throws {
        let calibration = try Calibration(probabilities: [[0.001, 0.999], [0.998, 0.002]], labels: [0, 1])
        #expect(abs(calibration.expectedError - 0.9985) < 1e-9)
        #expect(calibration.wrongConfidence.map { abs($0 - 0.9985) < 1e-9 } == true)
        #expect(calibration.bins[14].count == 2, "confidence 1 falls in the last bin")
    }

    @Test func theErrorWeighsEachBinByItsCount() throws {
        // Three at 0.9 all right (gap 0.1); one at 0.6, wrong (gap 0.6): (3 · 0.1 + 0.6) / 4.
        let rows = [[0.9, 0.1], [0.9, 0.1], [0.1, 0.9], [0.6, 0.4]]
        let calibration = try Calibration(probabilities: rows, labels: [0, 0, 1, 1])
        #expect(abs(calibration.expectedError - 0.225) < 1e-12)
        #expect(abs(calibration.meanConfidence - 0.825) < 1e-12)
        #expect(calibration.wrongConfidence.map { abs($0 - 0.6) < 1e-12 } == true)
        let right = try Calibration(probabilities: [[0.9, 0.1]], labels: [0])
        #expect(right.wrongConfidence == nil)
        #expect(throws: MetricsError.lengthMismatch(predictions: 1, labels: 2)) { try Calibration(probabilities: [[1, 0]], labels: [0, 1]) }
    }
}
