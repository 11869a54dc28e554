/// What training minimises: the loss a model's output incurs on a batch. Cross-entropy and mean
/// squared error are objectives; so is anything a new method needs (soft targets from a
/// teacher, a penalty toward earlier weights), each as a type of its own.
public protocol Objective {
    /// Checks that `batch`'s targets suit this objective and `model`'s output (the input is
    /// checked by the model).
    func validate(_ batch: Batch, for model: Model) throws(BatchError)
    /// Records the loss of `output`, the model's output for `batch`, on `graph`: a scalar.
    func loss(_ output: Var, for batch: Batch, of model: Model, in graph: Graph) -> Var
}

/// A term added to an objective that depends on the parameters alone, such as L2 toward the
/// pre-trained weights.
public protocol Penalty {
    /// Records the penalty of `model`'s current parameters on `graph`: a scalar.
    func loss(of model: Model, in graph: Graph) -> Var
}

/// The objective of the targets a batch carries: cross-entropy for class ids (skipping
/// `ignoreIndex`), mean squared error for values.
public func standardObjective(for targets: Targets, ignoreIndex: Int32 = CrossEntropy.defaultIgnoreIndex) -> any Objective {
    switch targets {
    case .classes: CrossEntropy(ignoreIndex: ignoreIndex)
    case .values: MeanSquaredError()
    }
}

/// An objective with penalty terms added: `base + Σ weightᵢ · penaltyᵢ`.
public struct PenalizedObjective: Objective {
    /// The objective the penalties are added to.
    public var base: any Objective
    /// The penalty terms and their weights.
    public var penalties: [(penalty: any Penalty, weight: Float)]

    /// `base` plus `penalties`.
    public init(_ base: any Objective, penalties: [(penalty: any Penalty, weight: Float)]) {
        self.base = base
        self.penalties = penalties
    }

    /// The base objective's check.
    public func validate(_ batch: Batch, for model: Model) throws(BatchError) {
        try base.validate(batch, for: model)
    }

    /// The base loss plus each weighted penalty.
    public func loss(_ output: Var, for batch: Batch, of model: Model, in graph: Graph) -> Var {
        penalties.reduce(base.loss(output, for: batch, of: model, in: graph)) { total, term in
            graph.add(total, graph.scale(term.penalty.loss(of: model, in: graph), by: term.weight))
        }
    }
}

extension Objective {
    /// This objective with `penalty` added at `weight`.
    public func adding(_ penalty: any Penalty, weight: Float) -> PenalizedObjective {
        if let penalized = self as? PenalizedObjective {
            return PenalizedObjective(penalized.base, penalties: penalized.penalties + [(penalty, weight)])
        }
        return PenalizedObjective(self, penalties: [(penalty, weight)])
    }
}
