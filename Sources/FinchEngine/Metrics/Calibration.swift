/// How far a classifier's confidence (its largest probability) matches how often it is right.
///
/// The expected calibration error (Guo et al. 2017) sorts the predictions into equal-width bins
/// of confidence and averages, weighted by each bin's count, the gap between the bin's mean
/// confidence and its accuracy: 0 for a classifier exactly as sure as it is right, near 1 for one
/// certain of wrong answers.
public struct Calibration: Equatable, Sendable {
    /// One bin of confidence.
    public struct Bin: Equatable, Sendable {
        /// The bin's confidences lie in `lower..<upper` (the last bin includes 1).
        public let lower: Double, upper: Double
        /// How many predictions fell in the bin.
        public let count: Int
        /// Their mean confidence (0 when the bin is empty).
        public let confidence: Double
        /// Their accuracy (0 when the bin is empty).
        public let accuracy: Double
    }

    /// The bins, from the least confident up.
    public let bins: [Bin]
    /// The expected calibration error: Σ (count / total) · |confidence − accuracy| over the bins.
    public let expectedError: Double
    /// The mean confidence over every prediction.
    public let meanConfidence: Double
    /// The mean confidence of the wrong predictions, or nil when none is wrong.
    public let wrongConfidence: Double?

    /// The calibration of `probabilities` (one row per example, summing to 1) against `labels`,
    /// over `binCount` bins (15, as Guo et al.); no examples give an error of 0.
    public init(probabilities: [[Double]], labels: [Int], binCount: Int = 15) throws(MetricsError) {
        guard probabilities.count == labels.count else { throw .lengthMismatch(predictions: probabilities.count, labels: labels.count) }
        let bins = max(binCount, 1)
        var counts = [Int](repeating: 0, count: bins), confidence = [Double](repeating: 0, count: bins)
        var correct = [Int](repeating: 0, count: bins)
        var total = 0.0, wrongTotal = 0.0, wrongCount = 0
        for (row, label) in zip(probabilities, labels) {
            let predicted = row.indices.max { row[$0] < row[$1] } ?? 0
            let sure = row.isEmpty ? 0 : row[predicted]
            let bin = min(Int(sure * Double(bins)), bins - 1)
            counts[bin] += 1
            confidence[bin] += sure
            total += sure
            if predicted == label { correct[bin] += 1 } else { wrongTotal += sure; wrongCount += 1 }
        }
        let n = Double(max(labels.count, 1))
        self.bins = (0..<bins).map { b in
            let count = counts[b]
            return Bin(lower: Double(b) / Double(bins), upper: Double(b + 1) / Double(bins), count: count,
                       confidence: count == 0 ? 0 : confidence[b] / Double(count), accuracy: count == 0 ? 0 : Double(correct[b]) / Double(count))
        }
        expectedError = self.bins.reduce(0) { $0 + Double($1.count) / n * abs($1.confidence - $1.accuracy) }
        meanConfidence = total / n
        wrongConfidence = wrongCount == 0 ? nil : wrongTotal / Double(wrongCount)
    }
}
