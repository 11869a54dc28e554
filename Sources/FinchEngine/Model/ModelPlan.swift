/// A validated model description: each layer's name, widths and parameter count, computed from
/// shapes alone (nothing allocated), so budgets can be checked before building.
public struct ModelPlan: Equatable, Sendable {
    /// One layer of the plan.
    public struct Entry: Equatable, Sendable {
        /// Name prefix of the layer's parameters (`blocks.1`).
        public var name: String
        /// Width of the layer's input (0 for the token embedding).
        public var inputWidth: Int
        /// Width of the layer's output.
        public var outputWidth: Int
        /// Whether the output is a sequence `[batch, length, width]` (else `[batch, width]`).
        public var isSequence: Bool
        /// Parameters the layer owns (a tied head owns none).
        public var parameterCount: Int
    }

    /// The layers in order.
    public var entries: [Entry]
    /// Total parameters (`Int.max` when they do not fit in an Int).
    public var parameterCount: Int {
        entries.reduce(0) { total, entry in
            let (sum, overflow) = total.addingReportingOverflow(entry.parameterCount)
            return overflow ? .max : sum
        }
    }
    /// Bytes building the model takes: every parameter's value and gradient (`Int.max` when
    /// they do not fit in an Int). Checked against a budget before anything is allocated.
    public var bytesToBuild: Int {
        let (bytes, overflow) = parameterCount.multipliedReportingOverflow(by: 8)
        return overflow ? .max : bytes
    }
    /// The most parameters one layer may have: far beyond any memory, and exact in a Double.
    static let maximumLayerParameters = 1e12
    /// Width of the model's output (classes, vocabulary or regression targets).
    public var outputWidth: Int { entries.last?.outputWidth ?? 0 }
}

extension ModelSpec {
    /// Checks every layer against its input and returns the plan, or the first problem found.
    public func plan() throws(ModelError) -> ModelPlan {
        guard !layers.isEmpty else { throw .noLayers }
        var width: Int, sequence: Bool
        let vocabulary: Int, maxLength: Int
        switch input {
        case let .tokens(v, l):
            guard v > 0 else { throw .invalidValue(layer: 0, what: "vocabulary", value: Double(v)) }
            guard l > 0 else { throw .invalidValue(layer: 0, what: "length", value: Double(l)) }
            (width, sequence, vocabulary, maxLength) = (0, true, v, l)
            guard case .embedding = layers[0] else { throw .embeddingPlacement(layer: 0) }
        case let .features(w):
            guard w > 0 else { throw .invalidValue(layer: 0, what: "feature width", value: Double(w)) }
            (width, sequence, vocabulary, maxLength) = (w, false, 0, 1)
        }
        var counters: [String: Int] = [:]
        func nextName(_ kind: String) -> String {
            let index = counters[kind, default: 0]
            counters[kind] = index + 1
            return "\(kind).\(index)"
        }
        var embeddingWidth: Int?
        var entries: [ModelPlan.Entry] = []
        for (i, layer) in layers.enumerated() {
            func positive(_ value: Int, _ what: String) throws(ModelError) {
                guard value > 0 else { throw .invalidValue(layer: i, what: what, value: Double(value)) }
            }
            func probability(_ p: Float) throws(ModelError) {
                guard p >= 0 && p < 1 else { throw .invalidValue(layer: i, what: "dropout", value: Double(p)) }
            }
            func needSequence() throws(ModelError) { if !sequence { throw .needsSequence(layer: i) } }
            // Parameter counts are computed in Double, so that hostile sizes cannot overflow an Int.
            func count(_ value: Double) throws(ModelError) -> Int {
                guard value <= ModelPlan.maximumLayerParameters else { throw .tooLarge(layer: i) }
                return Int(value)
            }
            let w = Double(width), b = layer.hasBias ? 1.0 : 0
            let inputWidth = width
            var name: String, parameters = 0
            // q, k and v project to `inner` (the width unless heads were pruned), o back to the width.
            func attentionParameters(heads: Int, headWidth: Int?) throws(ModelError) -> Double {
                try needSequence()
                try positive(heads, "heads")
                let inner: Double
                if let headWidth {
                    try positive(headWidth, "head width")
                    inner = Double(heads) * Double(headWidth)
                } else {
                    guard width % heads == 0 else { throw .headsDoNotDivideWidth(layer: i, width: width, heads: heads) }
                    inner = w
                }
                return 4 * w * inner + b * (3 * inner + w)
            }
            switch layer {
            case let .embedding(w):
                guard i == 0, vocabulary > 0 else { throw .embeddingPlacement(layer: i) }
                try positive(w, "width")
                (name, width, parameters, embeddingWidth) = ("embed", w, try count(Double(vocabulary) * Double(w)), w)
            case .positionalEmbedding:
                try needSequence()
                (name, parameters) = ("pos", try count(Double(maxLength) * w))
            case let .dense(outputs, _):
                try positive(outputs, "outputs")
                (name, parameters) = (nextName("dense"), try count(w * Double(outputs) + b * Double(outputs)))
                width = outputs
            case .activation:
                name = nextName("act")
            case .layerNorm:
                (name, parameters) = (nextName("norm"), try count(w * (1 + b)))
            case let .dropout(p):
                try probability(p)
                name = nextName("drop")
            case let .selfAttention(heads, _, _, headWidth):
                (name, parameters) = (nextName("attn"), try count(try attentionParameters(heads: heads, headWidth: headWidth)))
            case let .transformerBlock(heads, _, _, ratio, p, headWidth):
                let attention = try attentionParameters(heads: heads, headWidth: headWidth)
                try positive(ratio, "MLP ratio")
                try probability(p)
                let r = Double(ratio)
                let mlp = 2 * r * w * w + b * (r * w + w)
                (name, parameters) = (nextName("blocks"), try count(attention + mlp + 2 * w * (1 + b)))
            case .pool:
                try needSequence()
                name = nextName("pool")
                sequence = false
            case let .lmHead(tied, _):
                guard vocabulary > 0 else { throw .embeddingPlacement(layer: i) }
                if tied, embeddingWidth != width {
                    throw .tiedHeadWidth(layer: i, embedding: embeddingWidth ?? 0, hidden: width)
                }
                (name, parameters) = ("head", try count((tied ? 0 : Double(vocabulary) * w) + b * Double(vocabulary)))
                width = vocabulary
            }
            entries.append(.init(name: name, inputWidth: inputWidth, outputWidth: width, isSequence: sequence, parameterCount: parameters))
        }
        return ModelPlan(entries: entries)
    }
}

extension LayerSpec {
    /// Whether the layer adds biases (layer norm: a shift).
    var hasBias: Bool {
        switch self {
        case let .dense(_, bias), let .layerNorm(bias), let .selfAttention(_, _, bias, _), let .transformerBlock(_, _, bias, _, _, _),
             let .lmHead(_, bias): bias
        case .embedding, .positionalEmbedding, .activation, .dropout, .pool: false
        }
    }
}
