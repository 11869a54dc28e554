import FinchEngine

/// The layer commands, written inside `model NAME { … }`: one family, so one file. Each appends
/// engine layers to the block's ``ModelBuilder``.
extension Command {
    /// The layer commands, for ``CommandTable/standard``.
    static let layers: [Command] = [
        .input, .embedding, .positions, .dense, .activation, .layernorm, .dropout, .attention, .transformer, .pool,
        .lmHead, .classify, .regress, .reconstruct,
    ]

    /// `input features: N`: the model reads N numbers per example.
    static let input = Command(
        name: "input", summary: "Inside 'model': the model reads rows of numeric features.",
        keywords: [Parameter("features", .number, doc: "how many numbers each example has", required: true)]
    ) { invocation throws(FinchError) in
        try invocation.buildLayer { (builder) throws(FinchError) in
            builder.features = try invocation.requiredInteger("features", in: 1...1_000_000)
        }
    }

    /// `embedding vocab: V dim: D [context: N]`: token ids to vectors; the first layer of a text model.
    static let embedding = Command(
        name: "embedding", summary: "Inside 'model': token ids become vectors (the first layer of a text model).",
        keywords: [
            Parameter("vocab", .number, doc: "the vocabulary size, e.g. tok.size", required: true),
            Parameter("dim", .number, doc: "the width of each token's vector", required: true),
            Parameter("context", .number, doc: "the longest sequence the model reads (or set it with 'positions')"),
        ]
    ) { invocation throws(FinchError) in
        try invocation.buildLayer { (builder) throws(FinchError) in
            builder.vocabulary = try invocation.requiredInteger("vocab", in: 1...10_000_000)
            if let context = try invocation.integer("context", in: 1...100_000) { builder.context = context }
            try builder.append(.embedding(width: try invocation.requiredInteger("dim", in: 1...100_000)), at: invocation.range)
        }
    }

    /// `positions [N]`: learned positions for sequences of up to N tokens.
    static let positions = Command(
        name: "positions", summary: "Inside 'model': learned position vectors added to the tokens'.",
        positional: [Parameter("length", .number, doc: "the longest sequence the model reads (its context)")]
    ) { invocation throws(FinchError) in
        try invocation.buildLayer { (builder) throws(FinchError) in
            if let length = try invocation.integer("length", in: 1...100_000) { builder.context = length }
            try builder.append(.positionalEmbedding, at: invocation.range)
        }
    }

    /// `dense N [activation: relu|gelu|tanh] [bias: true]`: a fully connected layer.
    static let dense = Command(
        name: "dense", summary: "Inside 'model': a fully connected layer, optionally followed by an activation.",
        positional: [Parameter("units", .number, doc: "the number of outputs", required: true)],
        keywords: [
            Parameter("activation", .choice(Activation.allCases.map(\.rawValue)), doc: "the nonlinearity after the layer"),
            Parameter("bias", .bool, doc: "whether the layer adds a bias", default: .bool(true)),
        ]
    ) { invocation throws(FinchError) in
        try invocation.buildLayer { (builder) throws(FinchError) in
            let units = try invocation.requiredInteger("units", in: 1...1_000_000)
            try builder.append(.dense(outputs: units, bias: invocation.flag("bias") ?? true), at: invocation.range)
            if let name = invocation.word("activation"), let activation = Activation(rawValue: name) {
                try builder.append(.activation(activation), at: invocation.range)
            }
        }
    }

    /// `activation relu|gelu|tanh`: an elementwise nonlinearity.
    static let activation = Command(
        name: "activation", summary: "Inside 'model': an elementwise nonlinearity.",
        positional: [Parameter("kind", .choice(Activation.allCases.map(\.rawValue)), doc: "which nonlinearity", required: true)]
    ) { invocation throws(FinchError) in
        try invocation.buildLayer { (builder) throws(FinchError) in
            guard let activation = invocation.word("kind").flatMap(Activation.init(rawValue:)) else { return }
            try builder.append(.activation(activation), at: invocation.range)
        }
    }

    /// `layernorm [bias: true]`: layer normalisation.
    static let layernorm = Command(
        name: "layernorm", summary: "Inside 'model': layer normalisation.",
        keywords: [Parameter("bias", .bool, doc: "whether the norm has a learned shift", default: .bool(true))]
    ) { invocation throws(FinchError) in
        try invocation.buildLayer { (builder) throws(FinchError) in
            try builder.append(.layerNorm(bias: invocation.flag("bias") ?? true), at: invocation.range)
        }
    }

    /// `dropout P`: zeroes a fraction P of the values while training.
    static let dropout = Command(
        name: "dropout", summary: "Inside 'model': randomly zero a fraction of the values while training.",
        positional: [Parameter("rate", .number, doc: "the fraction dropped, from 0 to below 1", required: true)]
    ) { invocation throws(FinchError) in
        try invocation.buildLayer { (builder) throws(FinchError) in
            let rate = try invocation.number("rate", in: 0...0.99) ?? 0
            try builder.append(.dropout(Float(rate)), at: invocation.range)
        }
    }

    /// `attention heads: H [causal: false]` inside `model`: multi-head self-attention (no
    /// residual). Outside, `attention MODEL on TEXT [layer: N] [head: M | heads: all]
    /// [rollout: true] [tokenizer: TOK]` shows the model's attention as heatmaps (``AttentionMaps``).
    static let attention = Command(
        name: "attention",
        summary: "Inside 'model': multi-head self-attention over the sequence. Outside: show a model's attention over a text as heatmaps of tokens × tokens.",
        positional: [Parameter("model", .any, doc: "outside 'model': the model whose attention to show")],
        prepositions: [Parameter("on", .string, doc: "outside 'model': the text to attend over")],
        keywords: [
            Parameter("heads", .wordOrValue(["all"]),
                      doc: "inside 'model': the number of heads, which must divide the width; outside: all, a grid of every head of the layer"),
            Parameter("causal", .bool, doc: "inside 'model': each position sees only the ones before it", default: .bool(false)),
            Parameter("layer", .number, doc: "outside 'model': the attention layer to show, from 0 (default: 0)"),
            Parameter("head", .number, doc: "outside 'model': one head of the layer, from 0 (default: every head)"),
            Parameter("rollout", .bool, doc: "outside 'model': true for one map of attention rollout across every layer (Abnar & Zuidema 2020)"),
            Parameter("tokenizer", .any, doc: "outside 'model': the tokenizer of the text (default: the model's)"),
        ]
    ) { invocation throws(FinchError) in
        guard invocation.interpreter.workbench.builder != nil || invocation.bound("model") == nil else {
            return .wrap(try AttentionMaps.chart(invocation))
        }
        return try invocation.buildLayer { (builder) throws(FinchError) in
            let heads = try invocation.requiredInteger("heads", in: 1...1024)
            try builder.append(.selfAttention(heads: heads, causal: invocation.flag("causal") ?? false), at: invocation.range)
        }
    }

    /// `transformer heads: H [causal: true] [mlp: 4] [dropout: 0]`: a pre-norm Transformer block.
    static let transformer = Command(
        name: "transformer", summary: "Inside 'model': a Transformer block (attention and MLP, pre-norm, residual).",
        keywords: [
            Parameter("heads", .number, doc: "the number of attention heads; must divide the width", required: true),
            Parameter("causal", .bool, doc: "each position sees only the ones before it (GPT-style)", default: .bool(true)),
            Parameter("mlp", .number, doc: "the MLP's hidden width as a multiple of the width", default: .number(4)),
            Parameter("dropout", .number, doc: "dropout rate inside the block", default: .number(0)),
        ]
    ) { invocation throws(FinchError) in
        try invocation.buildLayer { (builder) throws(FinchError) in
            let heads = try invocation.requiredInteger("heads", in: 1...1024)
            let ratio = try invocation.integer("mlp", in: 1...64) ?? 4
            let rate = try invocation.number("dropout", in: 0...0.99) ?? 0
            try builder.append(.transformerBlock(heads: heads, causal: invocation.flag("causal") ?? true, bias: true,
                                                 mlpRatio: ratio, dropout: Float(rate)), at: invocation.range)
        }
    }

    /// `pool [mean|first]`: one vector per example from a sequence.
    static let pool = Command(
        name: "pool", summary: "Inside 'model': one vector per example from a sequence of vectors.",
        positional: [Parameter("kind", .choice(Pooling.allCases.map(\.rawValue)), doc: "mean of the positions (a text's padding left out), or the first")]
    ) { invocation throws(FinchError) in
        try invocation.buildLayer { (builder) throws(FinchError) in
            try builder.append(.pool(invocation.word("kind").flatMap(Pooling.init(rawValue:)) ?? .mean), at: invocation.range)
        }
    }

    /// `lm_head [tied: true]`: next-token logits over the vocabulary.
    static let lmHead = Command(
        name: "lm_head", summary: "Inside 'model': a language-model head, logits over the vocabulary.",
        keywords: [Parameter("tied", .bool, doc: "share the weights with the embedding", default: .bool(true))]
    ) { invocation throws(FinchError) in
        try invocation.buildLayer { (builder) throws(FinchError) in
            let layers = try HeadLayers.layers(kind: .lm, outputs: 0, pool: nil, tied: invocation.flag("tied") ?? true,
                                               isSequence: builder.isSequence, isTokenModel: builder.vocabulary != nil,
                                               range: invocation.range)
            try builder.appendHead(layers, kind: .lm, at: invocation.range)
        }
    }

    /// `classify classes: N [pool: mean|first|none]`: class logits (pooling a sequence first).
    static let classify = Command(
        name: "classify", summary: "Inside 'model': a classification head (pools a sequence first).",
        keywords: [
            Parameter("classes", .number, doc: "the number of classes", required: true),
            Parameter("pool", .choice(HeadLayers.poolings), doc: "how a sequence becomes one vector", default: .symbol("mean")),
        ]
    ) { invocation throws(FinchError) in
        try invocation.buildHead(.classify, outputs: try invocation.requiredInteger("classes", in: 2...100_000))
    }

    /// `regress [outputs: 1] [pool: mean|first|none]`: real-valued outputs, trained with squared error.
    static let regress = Command(
        name: "regress", summary: "Inside 'model': a regression head (pools a sequence first).",
        keywords: [
            Parameter("outputs", .number, doc: "the number of values predicted", default: .number(1)),
            Parameter("pool", .choice(HeadLayers.poolings), doc: "how a sequence becomes one vector", default: .symbol("mean")),
        ]
    ) { invocation throws(FinchError) in
        try invocation.buildHead(.regress, outputs: try invocation.integer("outputs", in: 1...100_000) ?? 1)
    }

    /// `reconstruct`: outputs as many values as the input has features (denoising pre-training).
    static let reconstruct = Command(
        name: "reconstruct", summary: "Inside 'model': a head that rebuilds the input features (for denoising pre-training)."
    ) { invocation throws(FinchError) in
        guard let features = invocation.interpreter.workbench.builder?.features else {
            throw FinchError(ModelCommandFailure.reconstructWithoutFeatures, at: invocation.range)
        }
        return try invocation.buildHead(.reconstruct, outputs: features)
    }
}

extension Invocation {
    /// Runs `body` on the builder of the enclosing `model` block; outside one, a clear error.
    func buildLayer(_ body: (inout ModelBuilder) throws(FinchError) -> Void) throws(FinchError) -> Value {
        guard var builder = interpreter.workbench.builder else {
            throw FinchError(ModelCommandFailure.layerOutsideModel(command: command.name), at: range)
        }
        // The workbench lets go of the builder while it changes, so appending a layer does not
        // copy the layers before it: a block of N layers builds in time proportional to N.
        interpreter.workbench.builder = ModelBuilder()
        defer { interpreter.workbench.builder = builder }
        try body(&builder)
        return .none
    }

    /// Appends a `kind` head with `outputs` outputs, pooled as `pool:` says.
    func buildHead(_ kind: HeadKind, outputs: Int) throws(FinchError) -> Value {
        try buildLayer { (builder) throws(FinchError) in
            let layers = try HeadLayers.layers(kind: kind, outputs: outputs, pool: word("pool").flatMap(PoolChoice.init(rawValue:)), isSequence: builder.isSequence,
                                               isTokenModel: builder.vocabulary != nil, range: range)
            try builder.appendHead(layers, kind: kind, at: range)
        }
    }
}
