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

    /// Every Dense layer in the model with its dotted name (`blocks.0.attn.q`, `dense.1`).
    public var denseLayers: [(name: String, layer: Dense)] {
        var result: [(String, Dense)] = []
        for (name, layer) in layers {
            switch layer {
            case let dense as Dense:
                result.append((name, dense))
            case let attention as SelfAttention:
                result += [("\(name).q", attention.q), ("\(name).k", attention.k), ("\(name).v", attention.v), ("\(name).o", attention.o)]
            case let block as TransformerBlock:
                let attention = block.attn
                result += [("\(name).attn.q", attention.q), ("\(name).attn.k", attention.k), ("\(name).attn.v", attention.v),
                           ("\(name).attn.o", attention.o), ("\(name).mlp.fc", block.fc), ("\(name).mlp.proj", block.proj)]
            default:
                break
            }
        }
        return result
    }

    /// Wraps every Dense layer whose name matches `pattern` in a LoRA adapter of `rank` and
    /// freezes its base weight and bias (the adapter trains). Returns the number wrapped.
    @discardableResult
    public func addLoRA(matching text: String, rank: Int, alpha: Float, dropout: Float = 0, seed: UInt64 = 0) throws(ModelError) -> Int {
        guard rank > 0 else { throw .invalidValue(layer: 0, what: "LoRA rank", value: Double(rank)) }
        guard dropout >= 0 && dropout < 1 else { throw .invalidValue(layer: 0, what: "LoRA dropout", value: Double(dropout)) }
        let pattern = NamePattern(text)
        let matched = denseLayers.filter { pattern.matches($0.name) && $0.layer.lora == nil }
        guard !matched.isEmpty else { throw .noMatch(pattern: text) }
        var generator = Xoshiro(seed: seed)
        for (_, dense) in matched {
            dense.lora = LoRA(inputs: dense.inputs, outputs: dense.outputs, rank: rank, alpha: alpha, dropout: dropout, generator: &generator)
            dense.weight.requiresGrad = false
            dense.bias?.requiresGrad = false
        }
        return matched.count
    }

    /// Adds every adapter's update into its base weight (`W += alpha/rank · B·A`), removes the
    /// adapters, and unfreezes nothing. Returns the number merged.
    @discardableResult
    public func mergeLoRA() -> Int {
        var merged = 0
        for (_, dense) in denseLayers {
            guard let lora = dense.lora else { continue }
            let updated = try! dense.weight.value + lora.delta()
            try! dense.weight.assign(updated)
            dense.lora = nil
            merged += 1
        }
        return merged
    }
}
