/// Knowledge distillation (Hinton, Vinyals and Dean, 2015): the student learns the teacher's
/// softened output distribution at temperature T, and the hard labels where a batch has them:
///
///     loss = α · T² · KL(softmax(teacher / T) ‖ softmax(student / T)) + (1 − α) · CE(student, labels)
///
/// The T² keeps the soft term's gradients on the scale of the hard term's as T changes. Rows
/// whose label is the ignore index (all rows of unlabelled data) count in the soft term only;
/// a batch without any label is learned from soft targets alone.
public struct Distillation: Objective {
    /// The model whose outputs are the soft targets (not trained).
    public let teacher: Model
    /// The softening temperature T (> 0).
    public let temperature: Float
    /// The weight α of the soft term, in [0, 1].
    public let alpha: Float
    /// The label that marks a row without a hard target.
    public let ignoreIndex: Int32

    /// Distillation from `teacher` at `temperature`, weighting the soft term by `alpha`.
    public init(teacher: Model, temperature: Float, alpha: Float, ignoreIndex: Int32 = CrossEntropy.defaultIgnoreIndex) {
        self.teacher = teacher
        self.temperature = temperature
        self.alpha = alpha
        self.ignoreIndex = ignoreIndex
    }

    /// Class ids (or the ignore index) for each row, the teacher reads the batch's input, and
    /// both models output the same number of classes.
    public func validate(_ batch: Batch, for model: Model) throws(BatchError) {
        try CrossEntropy(ignoreIndex: ignoreIndex).validate(batch, for: model)
        try teacher.validate(batch.input)
        guard teacher.plan.outputWidth == model.plan.outputWidth else {
            throw .teacherClasses(teacher: teacher.plan.outputWidth, student: model.plan.outputWidth)
        }
    }

    /// The weighted sum of the soft and the hard term.
    public func loss(_ output: Var, for batch: Batch, of model: Model, in graph: Graph) -> Var {
        guard case let .classes(labels) = batch.targets, let targets = try? teacher.predict(batch.input) else {
            preconditionFailure("validate(_:for:) checks the targets and the teacher's input first")
        }
        let soft = softTargets(targets)
        let kl = soft.withUnsafePointer { pointer in
            graph.softCrossEntropy(graph.scale(output, by: 1 / temperature), targets: UnsafeBufferPointer(start: pointer, count: soft.count))
        }
        let softTerm = graph.scale(kl, by: alpha * temperature * temperature)
        guard alpha < 1, labels.contains(where: { $0 != ignoreIndex }) else { return softTerm }
        let hard = CrossEntropy(ignoreIndex: ignoreIndex).loss(output, for: batch, of: model, in: graph)
        return graph.add(softTerm, graph.scale(hard, by: 1 - alpha))
    }

    /// `softmax(logits / T)` row by row.
    func softTargets(_ logits: Tensor) -> Tensor {
        var probabilities = logits.contiguous()
        let classes = logits.shape.last ?? 1, rows = logits.count / max(classes, 1)
        let scale = 1 / temperature
        probabilities.withUnsafeMutablePointer { p in
            for j in 0..<(rows * classes) { p[j] *= scale }
            softmaxForward(p, p, rows: rows, width: classes)
        }
        return probabilities
    }
}
