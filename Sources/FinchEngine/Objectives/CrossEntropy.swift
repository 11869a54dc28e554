/// Mean cross-entropy of softmax outputs against class ids, one per output row; rows whose
/// target is `ignoreIndex` are skipped (the unmasked positions of masked language modelling).
/// With class weights, each row counts as much as its class's weight (for imbalanced classes:
/// ``balancedWeights(classCounts:)``).
public struct CrossEntropy: Objective {
    /// The class id PyTorch and Finch's masked batches use for "no target here".
    public static let defaultIgnoreIndex: Int32 = -100

    /// The target that marks a row to skip.
    public var ignoreIndex: Int32
    /// The weight of each class, or nil for every row counting the same.
    public var classWeights: [Float]?

    /// Cross-entropy skipping rows whose target is `ignoreIndex`, weighting classes by
    /// `classWeights` (one positive finite weight per class) if given.
    public init(ignoreIndex: Int32 = CrossEntropy.defaultIgnoreIndex, classWeights: [Float]? = nil) {
        self.ignoreIndex = ignoreIndex
        self.classWeights = classWeights
    }

    /// scikit-learn's "balanced" weights: n / (k · nᶜ) for the k classes, so each class weighs
    /// as much in all as any other; a class without examples gets weight 1.
    public static func balancedWeights(classCounts: [Int]) -> [Float] {
        let total = classCounts.reduce(0, +), classes = classCounts.count
        return classCounts.map { $0 == 0 ? 1 : Float(Double(total) / Double(classes * $0)) }
    }

    /// One class id per output row, each in `0..<classes` or the ignore index.
    public func validate(_ batch: Batch, for model: Model) throws(BatchError) {
        guard case let .classes(labels) = batch.targets else { throw .targetKind(expected: "class ids") }
        let rows = model.outputRows(batch.input), classes = model.plan.outputWidth
        guard labels.count == rows else { throw .targetCount(expected: rows, got: labels.count) }
        if let bad = labels.first(where: { $0 != ignoreIndex && ($0 < 0 || Int($0) >= classes) }) {
            throw .classOutOfRange(id: bad, classes: classes)
        }
        if let classWeights, classWeights.count != classes || classWeights.contains(where: { !$0.isFinite || $0 <= 0 }) {
            throw .classWeights(count: classWeights.count, classes: classes)
        }
    }

    /// The loss over the counted rows.
    public func loss(_ output: Var, for batch: Batch, of model: Model, in graph: Graph) -> Var {
        guard case let .classes(labels) = batch.targets else { preconditionFailure("validate(_:for:) checks the targets first") }
        return labels.withUnsafeBufferPointer { targets in
            guard let classWeights else { return graph.crossEntropy(output, targets: targets, ignoreIndex: ignoreIndex) }
            return classWeights.withUnsafeBufferPointer { graph.crossEntropy(output, targets: targets, ignoreIndex: ignoreIndex, classWeights: $0) }
        }
    }
}
