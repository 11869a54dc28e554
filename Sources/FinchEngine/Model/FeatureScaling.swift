/// Standardisation of feature inputs: each feature has its mean subtracted and is divided by its
/// standard deviation, both measured on the training data (as scikit-learn's `StandardScaler`:
/// the population deviation; a feature that never varies is divided by 1).
///
/// A model keeps the scaling it was first trained with (``Model/inputScaling``) and its checkpoint
/// stores it, so evaluation and prediction see inputs on the same scale as training did.
public struct FeatureScaling: Equatable, Sendable {
    /// The mean of each feature.
    public let means: [Float]
    /// What each feature is divided by after the mean is subtracted: its standard deviation, or
    /// 1 where that is 0.
    public let scales: [Float]

    /// A scaling from its parts; nil unless there is one positive finite scale per mean.
    public init?(means: [Float], scales: [Float]) {
        guard !means.isEmpty, means.count == scales.count, means.allSatisfy(\.isFinite),
              scales.allSatisfy({ $0.isFinite && $0 > 0 }) else { return nil }
        self.means = means
        self.scales = scales
    }

    /// The scaling measured on row-major `values`, `width` per row (at least one row).
    public init(fitting values: [Float], width: Int) {
        precondition(width > 0 && values.count >= width && values.count % width == 0, "rows of \(width) values")
        let rows = values.count / width
        var sums = [Double](repeating: 0, count: width), squares = [Double](repeating: 0, count: width)
        for row in 0..<rows {
            for column in 0..<width { sums[column] += Double(values[row * width + column]) }
        }
        let means = sums.map { $0 / Double(rows) }
        for row in 0..<rows {
            for column in 0..<width {
                let deviation = Double(values[row * width + column]) - means[column]
                squares[column] += deviation * deviation
            }
        }
        self.means = means.map(Float.init)
        scales = squares.map { total in
            let deviation = Float((total / Double(rows)).squareRoot())
            return deviation > 0 && deviation.isFinite ? deviation : 1
        }
    }

    /// Features per row.
    public var width: Int { means.count }

    /// Standardised row-major `values` back on their own scale: `value · scale + mean`.
    public func invert(_ values: [Float]) -> [Float] {
        precondition(values.count % width == 0, "rows of \(width) values")
        return values.indices.map { values[$0] * scales[$0 % width] + means[$0 % width] }
    }

    /// Row-major `values` (`width` per row) standardised.
    public func apply(to values: [Float]) -> [Float] {
        precondition(values.count % width == 0, "rows of \(width) values")
        var result = values
        for index in result.indices {
            let column = index % width
            result[index] = (result[index] - means[column]) / scales[column]
        }
        return result
    }
}
