/// The measures of continual learning over a stream of T tasks (Lopez-Paz & Ranzato 2017; the
/// forgetting of Chaudhry et al. 2018), as Avalanche reports them, from the accuracy matrix.
///
/// `matrix[i][j]` is the accuracy on task j's test data after training through task i. A run
/// that trains on every task at once (joint training) has a single row, the accuracies after it;
/// then only the average accuracy is defined.
public struct ContinualMetrics: Equatable, Sendable {
    /// R: one row per training stage, one column per task.
    public let matrix: [[Double]]
    /// The accuracy on each task before any training (the forward-transfer baseline: for a
    /// freshly built model, a randomly initialised one).
    public let baseline: [Double]

    /// The measures of `matrix` (rows of equal length, one per task or a single row) against
    /// `baseline` (one per task).
    public init(matrix: [[Double]], baseline: [Double]) {
        self.matrix = matrix
        self.baseline = baseline
    }

    /// The number of tasks.
    public var tasks: Int { baseline.count }
    /// Whether each task was trained in turn (a full T×T matrix), not all at once.
    public var isSequential: Bool { matrix.count == tasks && tasks > 1 }
    /// The last row: the accuracy on each task at the end.
    public var final: [Double] { matrix.last ?? [] }

    /// ACC: the mean final accuracy over all tasks.
    public var averageAccuracy: Double { mean(final) }

    /// The mean accuracy over the tasks seen so far after each stage, `mean_{j≤i} R[i][j]`.
    public var accuracySoFar: [Double] {
        guard isSequential else { return [averageAccuracy] }
        return matrix.enumerated().map { stage, row in mean(Array(row[...stage])) }
    }

    /// BWT: how much learning later tasks changed the accuracy on earlier ones,
    /// `1/(T−1) Σ_{j<T−1} (R[T−1][j] − R[j][j])`; negative is forgetting. Nil unless sequential.
    public var backwardTransfer: Double? {
        guard isSequential else { return nil }
        return mean((0..<(tasks - 1)).map { final[$0] - matrix[$0][$0] })
    }

    /// FWT: how much the tasks learned so far help a task not yet trained on, against the
    /// baseline, `1/(T−1) Σ_{j≥1} (R[j−1][j] − b[j])`. Nil unless sequential.
    public var forwardTransfer: Double? {
        guard isSequential else { return nil }
        return mean((1..<tasks).map { matrix[$0 - 1][$0] - baseline[$0] })
    }

    /// The forgetting of each task but the last: its best accuracy at any stage before the last
    /// minus its final accuracy, `max_{l<T−1} R[l][j] − R[T−1][j]`. Empty unless sequential.
    public var forgetting: [Double] {
        guard isSequential else { return [] }
        return (0..<(tasks - 1)).map { task in
            (task..<(tasks - 1)).map { matrix[$0][task] }.reduce(-Double.infinity, max) - final[task]
        }
    }

    /// The mean forgetting over the tasks but the last; nil unless sequential.
    public var averageForgetting: Double? { isSequential ? mean(forgetting) : nil }

    private func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
