/// Elastic weight consolidation (Kirkpatrick et al. 2017): after a task, each training weight is
/// anchored at its value with a stiffness given by the diagonal of the Fisher information on
/// that task, `Σ Fᵢ (wᵢ − wᵢ*)²`; weights the task relied on move little, the others freely.
///
/// The Fisher diagonal is the empirical one: the mean over the task's examples of each
/// example's squared loss gradient (one example per backward pass, no dropout). The usual ½ and
/// the strength λ are the penalty's weight (see ``Objective/adding(_:weight:)``).
public struct ElasticWeightConsolidation: Penalty {
    /// Each training parameter with its Fisher diagonal and the negated anchor.
    private let terms: [(parameter: Parameter, fisher: Tensor, negated: Tensor)]
    private let zero = Tensor(uncheckedZeros: [])

    /// Anchors the training parameters of `model` at their current values, with the Fisher
    /// diagonal measured on `examples` (batches of one example each, as a task's training data
    /// gives them) under `objective`. Fails when an example does not fit the model.
    public init(_ model: Model, examples: [Batch], objective: any Objective) throws(BatchError) {
        let training = model.parameters.map(\.parameter).filter(\.requiresGrad)
        var sums = training.map { [Float](repeating: 0, count: $0.count) }
        let graph = Graph(isTraining: false)
        for example in examples {
            try model.validate(example, objective: objective)
            graph.reset()
            for parameter in training { parameter.zeroGrad() }
            let (loss, _) = model.loss(example, objective: objective, in: graph)
            graph.backward(from: loss)
            for (index, parameter) in training.enumerated() {
                let gradient = parameter.grad.scalars
                for element in gradient.indices { sums[index][element] += gradient[element] * gradient[element] }
            }
        }
        for parameter in training { parameter.zeroGrad() }
        let scale = 1 / Float(max(examples.count, 1))
        terms = zip(training, sums).map { parameter, sum in
            var fisher = Tensor(uncheckedZeros: parameter.shape)
            fisher.withUnsafeMutablePointer { pointer in
                for element in sum.indices { pointer[element] = sum[element] * scale }
            }
            return (parameter, fisher, parameter.value.map { -$0 })
        }
    }

    /// The mean Fisher diagonal over every anchored weight (a sense of the penalty's scale).
    public var meanFisher: Double {
        let count = terms.reduce(0) { $0 + $1.fisher.count }
        let total = terms.reduce(0.0) { sum, term in term.fisher.scalars.reduce(sum) { $0 + Double($1) } }
        return count == 0 ? 0 : total / Double(count)
    }

    /// `Σ F (w − w*)²` over the anchored parameters that still train.
    public func loss(of model: Model, in graph: Graph) -> Var {
        terms.reduce(graph.constant(zero)) { total, term in
            guard term.parameter.requiresGrad else { return total }
            let offset = graph.add(graph.parameter(term.parameter), graph.constant(term.negated))
            return graph.add(total, graph.sum(graph.mul(graph.mul(offset, offset), graph.constant(term.fisher))))
        }
    }
}
