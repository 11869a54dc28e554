/// Structured pruning: whole heads out of attention layers, for a model that is really smaller
/// (q, k and v lose the heads' rows, o their columns).
extension Model {
    /// Every attention layer in order, numbered as `attentionWeights` numbers them: its dotted
    /// path, its index in the spec and the layer.
    public var attentionLayers: [(path: String, specIndex: Int, layer: SelfAttention)] {
        let tree = Dictionary(layerTree.map { ($0.path, $0.layer) }, uniquingKeysWith: { first, _ in first })
        return spec.layers.indices.compactMap { i in
            let path: String
            switch spec.layers[i] {
            case .selfAttention: path = plan.entries[i].name
            case .transformerBlock: path = plan.entries[i].name + ".attn"
            default: return nil
            }
            return (tree[path] as? SelfAttention).map { (path, i, $0) }
        }
    }

    /// The importance of each head of each attention layer: `‖V_h‖ · ‖O_h‖`, the norms of head
    /// h's rows of the value projection and columns of the output projection, the weights
    /// through which it writes into the residual stream (the magnitude score ``prunedNeurons(fraction:)``
    /// uses for neurons). Throws when a layer's projections are not plain Dense layers.
    public func headImportance() throws(CompressionError) -> [[Float]] {
        try attentionLayers.map { path, _, attention throws(CompressionError) in
            guard let v = attention.v as? Dense, let o = attention.o as? Dense, attention.q is Dense, attention.k is Dense else {
                throw .compressedAttention(path: path)
            }
            let d = attention.headWidth, width = v.inputs, inner = v.outputs
            let values = v.weight.value.contiguous().scalars, outputs = o.weight.value.contiguous().scalars
            return (0..<attention.heads).map { h in
                var incoming: Float = 0, outgoing: Float = 0
                for row in (h * d)..<((h + 1) * d) {
                    for column in 0..<width { incoming += values[row * width + column] * values[row * width + column] }
                    for output in 0..<o.outputs { outgoing += outputs[output * inner + row] * outputs[output * inner + row] }
                }
                return (incoming * outgoing).squareRoot()
            }
        }
    }

    /// A smaller model: each attention layer loses the `fraction` of its heads with the lowest
    /// ``headImportance()`` (rounded down, so every layer keeps at least one). This model is left
    /// unchanged.
    public func prunedHeads(fraction: Double) throws(CompressionError) -> Model {
        guard fraction >= 0, fraction < 1 else { throw .headFraction(fraction) }
        let importance = try headImportance()
        var removed: [Int: Set<Int>] = [:]
        for (layer, scores) in importance.enumerated() {
            let count = Int((Double(scores.count) * fraction).rounded(.down))
            let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] < scores[$1] : $0 < $1 }
            removed[layer] = Set(order.prefix(count))
        }
        return try prunedHeads(removing: removed)
    }

    /// A smaller model without the heads `removed[layer]` of each attention layer (numbered as
    /// in ``attentionLayers``, heads from 0). The remaining heads keep their weights and order;
    /// every other weight is copied. Throws, leaving this model unchanged, for a layer or head
    /// that does not exist or for every head of a layer.
    public func prunedHeads(removing removed: [Int: Set<Int>]) throws(CompressionError) -> Model {
        guard adapters.isEmpty else { throw .hasAdapters }
        let attention = attentionLayers
        guard !attention.isEmpty else { throw .noAttention }
        var kept: [String: [Int]] = [:], layers = spec.layers
        for (layer, heads) in removed.sorted(by: { $0.key < $1.key }) where !heads.isEmpty {
            guard attention.indices.contains(layer) else { throw .noSuchAttentionLayer(layer, count: attention.count) }
            let (path, specIndex, module) = attention[layer]
            guard [module.q, module.k, module.v, module.o].allSatisfy({ $0 is Dense }) else { throw .compressedAttention(path: path) }
            if let bad = heads.sorted().first(where: { !(0..<module.heads).contains($0) }) {
                throw .noSuchHead(bad, layer: layer, heads: module.heads)
            }
            guard heads.count < module.heads else { throw .everyHead(layer: layer, heads: module.heads) }
            let remaining = (0..<module.heads).filter { !heads.contains($0) }
            kept[path] = remaining.flatMap { h in (h * module.headWidth)..<((h + 1) * module.headWidth) }
            switch layers[specIndex] {
            case let .selfAttention(_, causal, bias, _):
                layers[specIndex] = .selfAttention(heads: remaining.count, causal: causal, bias: bias, headWidth: module.headWidth)
            case let .transformerBlock(_, causal, bias, ratio, p, _):
                layers[specIndex] = .transformerBlock(heads: remaining.count, causal: causal, bias: bias, mlpRatio: ratio, dropout: p,
                                                      headWidth: module.headWidth)
            default: continue
            }
        }
        let smaller: Model
        do {
            smaller = try Model(ModelSpec(input: spec.input, layers: layers), head: head)
            if let prompt = softPrompt { try smaller.addSoftPrompt(length: prompt.length) }
        } catch { throw .model(error) }
        for named in smaller.parameters {
            guard let original = parameter(named: named.name) else { continue }
            var value = original.value
            if let (path, rows) = kept.first(where: { named.name.hasPrefix($0.key + ".") }) {
                switch named.name.dropFirst(path.count + 1) {
                case "q.weight", "k.weight", "v.weight", "q.bias", "k.bias", "v.bias": value = value.selecting(rows, axis: 0)
                case "o.weight": value = value.selecting(rows, axis: 1)
                default: break
                }
            }
            try? named.parameter.assign(value)
            named.parameter.requiresGrad = original.requiresGrad
        }
        smaller.inputScaling = inputScaling
        smaller.targetScaling = targetScaling
        return smaller
    }
}
