import Glibc

/// Why metrics could not be computed.
public enum MetricsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Predictions and labels of different lengths.
    case lengthMismatch(predictions: Int, labels: Int)
    /// A class id outside `0..<classes`.
    case classOutOfRange(Int, classes: Int)

    /// One-line explanation.
    public var description: String {
        switch self {
        case let .lengthMismatch(p, l): "\(p) predictions for \(l) labels"
        case let .classOutOfRange(c, classes): "class \(c) is outside 0..<\(classes)"
        }
    }
}

/// Precision, recall and F1 of one class.
public struct ClassScores: Equatable, Sendable {
    /// Correct predictions of the class over all predictions of it (0 when never predicted).
    public var precision: Double
    /// Correct predictions of the class over all examples of it (0 when absent).
    public var recall: Double
    /// Harmonic mean of precision and recall (0 when both are 0).
    public var f1: Double
    /// Examples whose label is this class.
    public var support: Int
}

/// Counts of (label, prediction) pairs: `counts[label][prediction]`.
public struct ConfusionMatrix: Equatable, Sendable {
    /// Number of classes.
    public let classes: Int
    /// Row = true label, column = predicted class.
    public private(set) var counts: [[Int]]

    /// The matrix of `predictions` against `labels`, both in `0..<classes`.
    public init(predictions: [Int], labels: [Int], classes: Int) throws(MetricsError) {
        guard predictions.count == labels.count else { throw .lengthMismatch(predictions: predictions.count, labels: labels.count) }
        self.classes = classes
        counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
        for (p, l) in zip(predictions, labels) {
            guard (0..<classes).contains(p) else { throw .classOutOfRange(p, classes: classes) }
            guard (0..<classes).contains(l) else { throw .classOutOfRange(l, classes: classes) }
            counts[l][p] += 1
        }
    }

    /// Number of examples.
    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// Fraction of examples on the diagonal (0 for none).
    public var accuracy: Double {
        let correct = (0..<classes).reduce(0) { $0 + counts[$1][$1] }
        return total == 0 ? 0 : Double(correct) / Double(total)
    }

    /// Scores of class `c`.
    public func scores(of c: Int) -> ClassScores {
        let truePositives = Double(counts[c][c])
        let predicted = Double((0..<classes).reduce(0) { $0 + counts[$1][c] })
        let support = counts[c].reduce(0, +)
        let precision = predicted == 0 ? 0 : truePositives / predicted
        let recall = support == 0 ? 0 : truePositives / Double(support)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return ClassScores(precision: precision, recall: recall, f1: f1, support: support)
    }

    /// Scores of every class, in class order.
    public var perClass: [ClassScores] { (0..<classes).map(scores(of:)) }

    /// The scores one figure reports, as scikit-learn's `f1_score` and its kin do: with two
    /// classes, those of the positive class (id 1, the second); with more, the macro means
    /// (support: every example).
    public var headline: ClassScores {
        if classes == 2 { return scores(of: 1) }
        let mean = macro
        return ClassScores(precision: mean.precision, recall: mean.recall, f1: mean.f1, support: total)
    }

    /// Unweighted means over classes of precision, recall and F1.
    public var macro: (precision: Double, recall: Double, f1: Double) {
        let all = perClass, n = Double(max(classes, 1))
        return (all.map(\.precision).reduce(0, +) / n, all.map(\.recall).reduce(0, +) / n, all.map(\.f1).reduce(0, +) / n)
    }
}

/// exp(mean cross-entropy in nats): the perplexity of a language model.
public func perplexity(loss: Float) -> Float { expf(loss) }

/// How close a regressor's predictions are to the true values: mean absolute error, root mean
/// squared error and the coefficient of determination R² (1 − residual / total sum of squares,
/// as scikit-learn's `r2_score`; 0 for predicting the mean, negative when worse).
public struct RegressionScores: Equatable, Sendable {
    /// Mean |prediction − truth|.
    public let mae: Double
    /// √(mean (prediction − truth)²).
    public let rmse: Double
    /// 1 − Σ(prediction − truth)² / Σ(truth − mean truth)². When the truths do not vary: 1 for
    /// exact predictions, else 0, as scikit-learn.
    public let r2: Double
    /// Examples scored.
    public let count: Int

    /// The scores of `predictions` against `truths` (the same number, at least one).
    public init(predictions: [Double], truths: [Double]) throws(MetricsError) {
        guard predictions.count == truths.count, !truths.isEmpty else {
            throw .lengthMismatch(predictions: predictions.count, labels: truths.count)
        }
        let n = Double(truths.count)
        let mean = truths.reduce(0, +) / n
        var absolute = 0.0, squared = 0.0, spread = 0.0
        for (p, t) in zip(predictions, truths) {
            absolute += abs(p - t)
            squared += (p - t) * (p - t)
            spread += (t - mean) * (t - mean)
        }
        mae = absolute / n
        rmse = (squared / n).squareRoot()
        r2 = spread == 0 ? (squared == 0 ? 1 : 0) : 1 - squared / spread
        count = truths.count
    }
}
