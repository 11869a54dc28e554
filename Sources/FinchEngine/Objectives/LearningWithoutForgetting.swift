/// Learning without forgetting (Li & Hoiem 2016): while a model learns a new task, its outputs on
/// the new task's inputs are also held near those of a frozen copy of itself taken before the
/// task, so what it answered for the old classes is kept without any old data.
///
/// The distillation term here matches logits: the mean squared difference between the model's
/// outputs and the copy's. That is the high-temperature limit of the paper's softened
/// cross-entropy (Hinton et al. 2015, section 2.1), and needs no log-softmax.
public struct LearningWithoutForgetting: Objective {
    /// The objective of the new task's labels.
    public var base: any Objective
    /// The weight of the distillation term.
    public let weight: Float
    private let teacher: Model
    private let teacherGraph = Graph(isTraining: false, recordsGradients: false)

    /// `base` plus `weight` times the distance of the outputs from `teacher`'s (a frozen copy of
    /// the model before the task, see ``Model/snapshot()``).
    public init(_ base: any Objective, teacher: Model, weight: Float) {
        self.base = base
        self.teacher = teacher
        self.weight = weight
    }

    /// The base objective's check.
    public func validate(_ batch: Batch, for model: Model) throws(BatchError) {
        try base.validate(batch, for: model)
    }

    /// The base loss plus the weighted mean squared distance of `output` from the teacher's.
    public func loss(_ output: Var, for batch: Batch, of model: Model, in graph: Graph) -> Var {
        teacherGraph.reset()
        let taught = teacherGraph.value(of: teacher.forward(batch.input, in: teacherGraph))
        let distance = taught.withUnsafePointer { graph.mse(output, target: UnsafeBufferPointer(start: $0, count: taught.count)) }
        return graph.add(base.loss(output, for: batch, of: model, in: graph), graph.scale(distance, by: weight))
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
