/// L2 toward a snapshot of the weights (L2-SP, Li et al. 2018): `Σ (w − w₀)²` over the
/// parameters that train, so fine-tuning stays near the pre-trained weights `w₀` instead of
/// near zero as weight decay pulls.
public struct WeightAnchor: Penalty {
    /// Each parameter with the negated snapshot of its value (added, so a step allocates nothing).
    private let anchors: [(parameter: Parameter, negated: Tensor)]
    private let zero = Tensor(uncheckedZeros: [])

    /// Anchors every parameter of `model` at its current value.
    public init(_ model: Model) {
        self.init(anchoring: model.parameters)
    }

    /// Anchors the parameters of `model`'s body (every layer before its head) at their current
    /// values, as L2-SP does: the pre-trained features stay near, and a new head is left free.
    public init(bodyOf model: Model) {
        self.init(anchoring: model.parameters.filter { !model.isInHead($0.name) })
    }

    /// Anchors `parameters` at their current values.
    private init(anchoring parameters: [NamedParameter]) {
        anchors = parameters.map { ($0.parameter, $0.parameter.value.map { -$0 }) }
    }

    /// The squared distance of the training parameters from their anchors.
    public func loss(of model: Model, in graph: Graph) -> Var {
        anchors.reduce(graph.constant(zero)) { total, anchor in
            guard anchor.parameter.requiresGrad else { return total }
            let offset = graph.add(graph.parameter(anchor.parameter), graph.constant(anchor.negated))
            return graph.add(total, graph.sum(graph.mul(offset, offset)))
        }
    }
}
