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
    /// Total parameters.
    public var parameterCount: Int { entries.reduce(0) { $0 + $1.parameterCount } }
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
            let inputWidth = width
            var name: String, parameters = 0
            switch layer {
            case let .embedding(w):
                guard i == 0, vocabulary > 0 else { throw .embeddingPlacement(layer: i) }
                try positive(w, "width")
                (name, width, parameters, embeddingWidth) = ("embed", w, vocabulary * w, w)
            case .positionalEmbedding:
                try needSequence()
                (name, parameters) = ("pos", maxLength * width)
            case let .dense(outputs, bias):
                try positive(outputs, "outputs")
                (name, parameters) = (nextName("dense"), width * outputs + (bias ? outputs : 0))
                width = outputs
            case .activation:
                name = nextName("act")
            case let .layerNorm(bias):
                (name, parameters) = (nextName("norm"), width * (bias ? 2 : 1))
            case let .dropout(p):
                try probability(p)
                name = nextName("drop")
            case let .selfAttention(heads, _, bias):
                try needSequence()
                try positive(heads, "heads")
                guard width % heads == 0 else { throw .headsDoNotDivideWidth(layer: i, width: width, heads: heads) }
                (name, parameters) = (nextName("attn"), 4 * (width * width + (bias ? width : 0)))
            case let .transformerBlock(heads, _, bias, ratio, p):
                try needSequence()
                try positive(heads, "heads")
                try positive(ratio, "MLP ratio")
                try probability(p)
                guard width % heads == 0 else { throw .headsDoNotDivideWidth(layer: i, width: width, heads: heads) }
                let b = bias ? 1 : 0
                let attention = 4 * (width * width + b * width)
                let mlp = 2 * ratio * width * width + b * (ratio * width + width)
                (name, parameters) = (nextName("blocks"), attention + mlp + 2 * width * (1 + b))
            case .pool:
                try needSequence()
                name = nextName("pool")
                sequence = false
            case let .lmHead(tied, bias):
                guard vocabulary > 0 else { throw .embeddingPlacement(layer: i) }
                if tied, embeddingWidth != width {
                    throw .tiedHeadWidth(layer: i, embedding: embeddingWidth ?? 0, hidden: width)
                }
                (name, parameters) = ("head", (tied ? 0 : vocabulary * width) + (bias ? vocabulary : 0))
                width = vocabulary
            }
            entries.append(.init(name: name, inputWidth: inputWidth, outputWidth: width, isSequence: sequence, parameterCount: parameters))
        }
        return ModelPlan(entries: entries)
    }
}
