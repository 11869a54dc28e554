import Glibc

/// Cross-entropy against targets smoothed toward the uniform distribution (Szegedy et al. 2016):
/// each row's target puts `1 − ε` on its class and spreads `ε` evenly over all `K` classes, so
/// the loss is `(1 − ε)·CE + ε·mean_k(−log p_k)`, PyTorch's `label_smoothing=ε`. A classifier
/// trained on a handful of examples then stops short of certainty instead of driving its
/// training loss to zero and being sure of wrong answers.
///
/// With class weights, the class term is weighted as ``CrossEntropy`` weighs it and the uniform
/// term counts every row the same. Every row needs a class (no ignore index).
public struct LabelSmoothing: Objective {
    /// The cross-entropy of the hard targets (its class weights included).
    public var base: CrossEntropy
    /// The share ε of each target spread over the classes, in `0..<1`.
    public var epsilon: Float

    /// Smoothing `base` by `epsilon`.
    public init(_ base: CrossEntropy = CrossEntropy(), epsilon: Float) {
        self.base = base
        self.epsilon = epsilon
    }

    /// The base objective's check, with a class in every row and ε in `0..<1`.
    public func validate(_ batch: Batch, for model: Model) throws(BatchError) {
        try base.validate(batch, for: model)
        guard epsilon >= 0, epsilon < 1 else { throw .targetKind(expected: "a label smoothing in 0..<1") }
        if case let .classes(labels) = batch.targets, labels.contains(base.ignoreIndex) {
            throw .targetKind(expected: "a class id in every row (label smoothing skips none)")
        }
    }

    /// `(1 − ε)` times the class term plus `ε` times the mean over classes of `−log p`.
    public func loss(_ output: Var, for batch: Batch, of model: Model, in graph: Graph) -> Var {
        let hard = base.loss(output, for: batch, of: model, in: graph)
        guard epsilon > 0 else { return hard }
        let shape = graph.shape(of: output), classes = shape.last ?? 1
        let uniform = [Float](repeating: 1 / Float(classes), count: shape.reduce(1, *))
        // softCrossEntropy is KL(u ‖ p) = mean_k(−log p_k) − log K: add log K back.
        let divergence = uniform.withUnsafeBufferPointer { graph.softCrossEntropy(output, targets: $0) }
        let spread = graph.add(divergence, graph.constant(Tensor(scalar: logf(Float(classes)))))
        return graph.add(graph.scale(hard, by: 1 - epsilon), graph.scale(spread, by: epsilon))
    }
}
