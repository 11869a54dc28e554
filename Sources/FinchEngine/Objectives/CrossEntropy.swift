/// Mean cross-entropy of softmax outputs against class ids, one per output row; rows whose
/// target is `ignoreIndex` are skipped (the unmasked positions of masked language modelling).
public struct CrossEntropy: Objective {
    /// The class id PyTorch and Finch's masked batches use for "no target here".
    public static let defaultIgnoreIndex: Int32 = -100

    /// The target that marks a row to skip.
    public var ignoreIndex: Int32

    /// Cross-entropy skipping rows whose target is `ignoreIndex`.
    public init(ignoreIndex: Int32 = CrossEntropy.defaultIgnoreIndex) {
        self.ignoreIndex = ignoreIndex
    }

    /// One class id per output row, each in `0..<classes` or the ignore index.
    public func validate(_ batch: Batch, for model: Model) throws(BatchError) {
        guard case let .classes(labels) = batch.targets else { throw .targetKind(expected: "class ids") }
        let rows = model.outputRows(batch.input), classes = model.plan.outputWidth
        guard labels.count == rows else { throw .targetCount(expected: rows, got: labels.count) }
        if let bad = labels.first(where: { $0 != ignoreIndex && ($0 < 0 || Int($0) >= classes) }) {
            throw .classOutOfRange(id: bad, classes: classes)
        }
    }

    /// The loss over the counted rows.
    public func loss(_ output: Var, for batch: Batch, of model: Model, in graph: Graph) -> Var {
        guard case let .classes(labels) = batch.targets else { preconditionFailure("validate(_:for:) checks the targets first") }
        return labels.withUnsafeBufferPointer { graph.crossEntropy(output, targets: $0, ignoreIndex: ignoreIndex) }
    }
}
