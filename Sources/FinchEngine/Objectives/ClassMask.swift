/// An objective restricted to each example's own group of classes: before `base` sees the
/// outputs, every class outside the group of the example's class is pushed to a very low logit,
/// so the model competes only among the classes of the example's task (the task-incremental
/// scenario of continual learning, where the task says which classes may be the answer).
public struct ClassMask: Objective {
    /// The objective applied to the masked outputs.
    public var base: any Objective
    /// The groups of class ids (tasks); a class belongs to one group.
    public let groups: [[Int]]
    /// For each class id, the row added to the outputs of its examples.
    private let rows: [[Float]]
    private let outputs: Int

    /// `base` over the outputs of each example's group among `groups`, out of `outputs` outputs
    /// per row; a class in no group keeps every output.
    public init(_ base: any Objective, groups: [[Int]], outputs: Int) {
        self.base = base
        self.groups = groups
        self.outputs = outputs
        rows = (0..<outputs).map { label in
            guard let group = groups.first(where: { $0.contains(label) }) else { return [Float](repeating: 0, count: outputs) }
            return (0..<outputs).map { group.contains($0) ? 0 : ClassMask.excluded }
        }
    }

    /// The logit an excluded class gets added: low enough that softmax gives it nothing, yet
    /// finite so no arithmetic makes a NaN.
    static let excluded: Float = -1e4

    /// The base objective's check.
    public func validate(_ batch: Batch, for model: Model) throws(BatchError) {
        try base.validate(batch, for: model)
    }

    /// The base loss of the masked outputs.
    public func loss(_ output: Var, for batch: Batch, of model: Model, in graph: Graph) -> Var {
        guard case let .classes(labels) = batch.targets else { return base.loss(output, for: batch, of: model, in: graph) }
        var mask = Tensor(uncheckedZeros: [labels.count, outputs])
        mask.withUnsafeMutablePointer { pointer in
            for (row, label) in labels.enumerated() where rows.indices.contains(Int(label)) {
                for column in 0..<outputs { pointer[row * outputs + column] = rows[Int(label)][column] }
            }
        }
        return base.loss(graph.add(output, graph.constant(mask)), for: batch, of: model, in: graph)
    }
}

extension Model {
    /// The fraction of the examples of `batches` whose arg-max output among `classes` (nil: all
    /// outputs) is their class: a task's accuracy in continual learning (no dropout, no gradients).
    public func accuracy(_ batches: [Batch], among classes: [Int]? = nil) throws(BatchError) -> Double {
        var correct = 0, counted = 0
        for batch in batches {
            guard case let .classes(labels) = batch.targets else { throw .targetKind(expected: "class ids") }
            let output = try predict(batch.input)
            let width = output.shape.last ?? 1, values = output.scalars
            for (row, label) in labels.enumerated() {
                let candidates = classes ?? Array(0..<width)
                guard let best = candidates.max(by: { values[row * width + $0] < values[row * width + $1] }) else { continue }
                counted += 1
                if best == Int(label) { correct += 1 }
            }
        }
        return counted == 0 ? 0 : Double(correct) / Double(counted)
    }
}
