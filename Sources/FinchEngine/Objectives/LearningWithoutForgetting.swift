/// Learning without forgetting (Li & Hoiem 2016): while a model learns a new task, its outputs on
/// the new task's inputs are also held near those of a frozen copy of itself taken before the
/// task, so what it answered for the old classes is kept without any old data.
///
/// The distillation term here matches logits: the mean squared difference between the model's
/// outputs and the copy's, over the outputs of the classes learned before (the old head); the
/// outputs of the new classes are left to the new task. Matching logits is the high-temperature
/// limit of the paper's softened cross-entropy (Hinton et al. 2015, section 2.1), and needs no
/// log-softmax.
public struct LearningWithoutForgetting: Objective {
    /// The objective of the new task's labels.
    public var base: any Objective
    /// The weight of the distillation term.
    public let weight: Float
    /// The outputs distilled: those of the classes learned before the task.
    public let classes: [Int]
    private let teacher: Model
    private let teacherGraph = Graph(isTraining: false, recordsGradients: false)

    /// `base` plus `weight` times the mean squared distance of the outputs of `classes` from
    /// `teacher`'s (a frozen copy of the model before the task, see ``Model/snapshot()``).
    public init(_ base: any Objective, teacher: Model, classes: [Int], weight: Float) {
        self.base = base
        self.teacher = teacher
        self.classes = classes
        self.weight = weight
    }

    /// The base objective's check.
    public func validate(_ batch: Batch, for model: Model) throws(BatchError) {
        try base.validate(batch, for: model)
    }

    /// The base loss plus the weighted mean squared distance of the distilled outputs from the
    /// teacher's.
    public func loss(_ output: Var, for batch: Batch, of model: Model, in graph: Graph) -> Var {
        let label = base.loss(output, for: batch, of: model, in: graph)
        guard !classes.isEmpty else { return label }
        teacherGraph.reset()
        let taught = teacherGraph.value(of: teacher.forward(batch.input, in: teacherGraph))
        let width = taught.shape.last ?? 1, rows = taught.count / width
        // (output − teacher) on the distilled columns, 0 elsewhere: output ⊙ keep − teacher ⊙ keep.
        var keep = Tensor(uncheckedZeros: taught.shape), negated = Tensor(uncheckedZeros: taught.shape)
        let values = taught.scalars
        keep.withUnsafeMutablePointer { kept in
            negated.withUnsafeMutablePointer { target in
                for row in 0..<rows {
                    for column in classes where column < width {
                        kept[row * width + column] = 1
                        target[row * width + column] = -values[row * width + column]
                    }
                }
            }
        }
        let offset = graph.add(graph.mul(output, graph.constant(keep)), graph.constant(negated))
        let distance = graph.scale(graph.sum(graph.mul(offset, offset)), by: 1 / Float(rows * classes.count))
        return graph.add(label, graph.scale(distance, by: weight))
    }
}

extension Model {
    /// A separate model with this one's architecture, head, input scaling and current weights,
    /// which later training of this model leaves alone; nil when this model has adapters
    /// wrapped in (merge them first), whose weights a plain copy of the architecture lacks.
    public func snapshot() -> Model? {
        guard adapters.isEmpty, let copy = try? Model(spec, head: head) else { return nil }
        for named in parameters {
            guard let target = copy.parameter(named: named.name), (try? target.assign(named.parameter.value)) != nil else { return nil }
        }
        copy.inputScaling = inputScaling
        copy.targetScaling = targetScaling
        return copy
    }
}
