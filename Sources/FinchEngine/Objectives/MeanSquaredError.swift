/// Mean squared error between the output and value targets of the same element count
/// (regression, and rebuilding masked features).
public struct MeanSquaredError: Objective {
    /// The objective.
    public init() {}

    /// One value per output element.
    public func validate(_ batch: Batch, for model: Model) throws(BatchError) {
        guard case let .values(tensor) = batch.targets else { throw .targetKind(expected: "values") }
        let count = model.outputRows(batch.input) * model.plan.outputWidth
        guard tensor.count == count else { throw .targetCount(expected: count, got: tensor.count) }
    }

    /// The mean over every element.
    public func loss(_ output: Var, for batch: Batch, of model: Model, in graph: Graph) -> Var {
        guard case let .values(tensor) = batch.targets else { preconditionFailure("validate(_:for:) checks the targets first") }
        return tensor.withUnsafePointer { graph.mse(output, target: UnsafeBufferPointer(start: $0, count: tensor.count)) }
    }
}
