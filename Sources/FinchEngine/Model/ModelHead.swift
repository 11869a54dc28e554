/// What a model's last layers are for.
public enum HeadKind: String, CaseIterable, Sendable {
    /// Vocabulary logits at every position (next-token or masked prediction).
    case lm
    /// Class logits, one vector per example.
    case classify
    /// Values, one vector per example.
    case regress
    /// The input features rebuilt (denoising).
    case reconstruct
    /// No head: the body alone.
    case none
}

/// Which of a model's layers form its head, and what kind of head it is. Everything before
/// `firstLayer` is the body: what pre-training teaches and fine-tuning reuses.
public struct ModelHead: Equatable, Sendable {
    /// The kind of head.
    public var kind: HeadKind
    /// Index in the spec's layers of the first head layer (the layer count when there is none).
    public var firstLayer: Int

    /// A head of `kind` starting at layer `firstLayer`.
    public init(kind: HeadKind, firstLayer: Int) {
        self.kind = kind
        self.firstLayer = firstLayer
    }
}

extension Model {
    /// The plan entries of the head's layers (none when the model has no head).
    public var headEntries: ArraySlice<ModelPlan.Entry> { plan.entries[min(head.firstLayer, plan.entries.count)...] }

    /// Whether the parameter or layer named `name` (`dense.1.weight`, `dense.1`) belongs to the head.
    public func isInHead(_ name: String) -> Bool {
        headEntries.contains { name == $0.name || name.hasPrefix($0.name + ".") }
    }

    /// Makes every parameter train again.
    public func unfreezeAll() {
        for named in parameters { named.parameter.requiresGrad = true }
    }

    /// Freezes every parameter outside the head (every parameter, when there is no head).
    public func freezeBody() {
        for named in parameters where !isInHead(named.name) { named.parameter.requiresGrad = false }
    }
}
