/// Freezing and low-rank adaptation: choosing what trains.
extension Model {
    /// Freezes every parameter whose name matches `pattern`; returns how many were frozen.
    @discardableResult
    public func freeze(matching pattern: String) throws(ModelError) -> Int {
        try setRequiresGrad(false, matching: pattern)
    }

    /// Unfreezes every parameter whose name matches `pattern`; returns how many matched.
    @discardableResult
    public func unfreeze(matching pattern: String) throws(ModelError) -> Int {
        try setRequiresGrad(true, matching: pattern)
    }

    /// Freezes the Transformer blocks `range` (`blocks.i` for i in range); returns parameters frozen.
    @discardableResult
    public func freezeBlocks(_ range: Range<Int>) throws(ModelError) -> Int {
        var total = 0
        for i in range { total += try freeze(matching: "blocks.\(i)") }
        return total
    }

    private func setRequiresGrad(_ value: Bool, matching text: String) throws(ModelError) -> Int {
        let pattern = NamePattern(text)
        let matched = parameters.filter { pattern.matches($0.name) }
        guard !matched.isEmpty else { throw .noMatch(pattern: text) }
        for named in matched { named.parameter.requiresGrad = value }
        return matched.count
    }

    /// Every LoRA adapter in the model with the path of the layer it took the place of.
    public var adapters: [(name: String, adapter: LoRA)] {
        layerTree.compactMap { path, layer in (layer as? LoRA).map { (path, $0) } }
    }

    /// Puts a LoRA adapter of `rank` in the place of every Dense layer whose name matches
    /// `pattern` and has none, and freezes the base weight and bias (the adapter trains). A is
    /// drawn from `seed`, one layer after another. Returns the number wrapped.
    @discardableResult
    public func addLoRA(matching text: String, rank: Int, alpha: Float, dropout: Float = 0, seed: UInt64 = 0) throws(ModelError) -> Int {
        guard rank > 0 else { throw .invalidValue(layer: 0, what: "LoRA rank", value: Double(rank)) }
        guard dropout >= 0 && dropout < 1 else { throw .invalidValue(layer: 0, what: "LoRA dropout", value: Double(dropout)) }
        let pattern = NamePattern(text)
        let matched = linearLayers.compactMap { name, layer in pattern.matches(name) ? (layer as? Dense).map { (name, $0) } : nil }
        guard !matched.isEmpty else { throw .noMatch(pattern: text) }
        var generator = Xoshiro(seed: seed)
        for (name, dense) in matched {
            try replaceLayer(at: name, with: LoRA(wrapping: dense, rank: rank, alpha: alpha, dropout: dropout, generator: &generator))
            dense.weight.requiresGrad = false
            dense.bias?.requiresGrad = false
        }
        return matched.count
    }

    /// Adds every adapter's update into its base weight (`W += alpha/rank · B·A`), puts the base
    /// layer back in the adapter's place, and unfreezes nothing. Returns the number merged.
    @discardableResult
    public func mergeLoRA() -> Int {
        let found = adapters
        for (name, adapter) in found {
            // The adapter holds the place of its own base layer, which fits it by construction.
            try! replaceLayer(at: name, with: adapter.merged())
        }
        return found.count
    }
}
