internal import FinchJSON

/// A parameter with its dotted name in the model's tree (`blocks.1.attn.q.weight`).
public struct NamedParameter {
    /// Dotted path.
    public let name: String
    /// The parameter itself (shared with the model).
    public let parameter: Parameter
}

/// What a model is fed for one batch.
public enum ModelInput {
    /// Token ids, row-major `[batch, length]`. When the rows are texts padded on the right,
    /// `lengths` holds each row's real length (1…`length`): mean pooling and bidirectional
    /// attention then ignore the positions after it, so the amount of padding changes nothing.
    /// Without `lengths` every position is real (windows of a stream).
    case tokens([Int32], batch: Int, length: Int, lengths: [Int]? = nil)
    /// Feature vectors `[batch, width]`.
    case features(Tensor)

    /// Number of examples.
    public var batch: Int {
        switch self {
        case let .tokens(_, batch, _, _): batch
        case let .features(t): t.shape.first ?? 0
        }
    }

    /// The real length of each example when rows are padded (nil: every position is real).
    public var lengths: [Int]? {
        if case let .tokens(_, _, _, lengths) = self { lengths } else { nil }
    }

    /// Positions per example (1 for feature vectors).
    public var length: Int {
        switch self {
        case let .tokens(_, _, length, _): length
        case .features: 1
        }
    }
}

/// A built model: layers with parameters, made from a `ModelSpec`.
public final class Model {
    /// The description this model was built from.
    public let spec: ModelSpec
    /// The validated plan (names, widths, parameter counts).
    public let plan: ModelPlan
    /// The token embedding of a token model.
    public let embedding: Embedding?
    /// Every layer after the embedding, in order, with its name.
    public internal(set) var layers: [(name: String, layer: any Layer)]
    /// Which layers form the head, and its kind.
    public let head: ModelHead
    /// How feature inputs are standardised before the model sees them, once fitted on the data
    /// it was first trained on; nil for raw inputs (and token models). The model stores it and
    /// its checkpoint keeps it; whoever feeds the model applies it (``FeatureScaling/apply(to:)``).
    public var inputScaling: FeatureScaling?
    /// How a regressor's targets were standardised for training (one scaling per output), so
    /// its outputs read back on the targets' scale (``FeatureScaling/invert(_:)``); nil when
    /// they were not.
    public var targetScaling: FeatureScaling?

    /// Builds `spec` with weights drawn from `seed`; the layers from `head.firstLayer` on are its
    /// head (default: none). With `memoryBudget`, a model whose weights and gradients would take
    /// more bytes is refused before anything is allocated. `cancellation` is asked before each
    /// layer is built; when it is requested, ``ModelError/cancelled`` is thrown.
    public init(_ spec: ModelSpec, head: ModelHead? = nil, seed: UInt64 = 0, memoryBudget: Int? = nil,
                cancellation: Cancellation = .never) throws(ModelError) {
        let plan = try spec.plan()
        if let memoryBudget, plan.bytesToBuild > memoryBudget { throw .overBudget(bytes: plan.bytesToBuild, budget: memoryBudget) }
        let head = head ?? ModelHead(kind: .none, firstLayer: spec.layers.count)
        guard (0...spec.layers.count).contains(head.firstLayer) else {
            throw .invalidValue(layer: head.firstLayer, what: "first head layer", value: Double(head.firstLayer))
        }
        self.spec = spec
        self.plan = plan
        self.head = head
        var generator = Xoshiro(seed: seed)
        let depth = spec.layers.filter { if case .transformerBlock = $0 { true } else { false } }.count
        var embedding: Embedding?
        var layers: [(String, any Layer)] = []
        for (layer, entry) in zip(spec.layers, plan.entries) {
            if cancellation.isRequested {
                BackgroundRelease.drop((consume layers, consume embedding))
                throw .cancelled
            }
            let width = entry.inputWidth
            switch layer {
            case let .embedding(w):
                guard case let .tokens(vocabulary, _) = spec.input else { continue }
                embedding = Embedding(vocabulary: vocabulary, width: w, generator: &generator)
            case .positionalEmbedding:
                guard case let .tokens(_, length) = spec.input else { continue }
                layers.append((entry.name, PositionalEmbedding(maxLength: length, width: width, generator: &generator)))
            case let .dense(outputs, bias):
                layers.append((entry.name, Dense(inputs: width, outputs: outputs, bias: bias, initialiser: .fanIn, generator: &generator)))
            case let .activation(kind):
                layers.append((entry.name, ActivationLayer(kind, width: width)))
            case let .layerNorm(bias):
                layers.append((entry.name, LayerNorm(width: width, bias: bias)))
            case let .dropout(p):
                layers.append((entry.name, Dropout(probability: p, width: width)))
            case let .selfAttention(heads, causal, bias, headWidth):
                layers.append((entry.name, SelfAttention(width: width, heads: heads, headWidth: headWidth ?? width / heads, causal: causal,
                                                         bias: bias, dropout: 0, outputStd: 0.02, generator: &generator)))
            case let .transformerBlock(heads, causal, bias, ratio, p, headWidth):
                layers.append((entry.name, TransformerBlock(width: width, heads: heads, headWidth: headWidth ?? width / heads, causal: causal,
                                                            bias: bias, mlpRatio: ratio, dropout: p, depth: depth, generator: &generator)))
            case let .pool(kind):
                layers.append((entry.name, Pool(kind, width: width)))
            case let .lmHead(tied, bias):
                if tied, let embedding {
                    layers.append((entry.name, LMHead(tiedTo: embedding, bias: bias)))
                } else {
                    layers.append((entry.name, LMHead(width: width, vocabulary: entry.outputWidth, bias: bias, generator: &generator)))
                }
            }
        }
        self.embedding = embedding
        self.layers = layers
    }

    /// Every parameter once (a tied weight under its first name, `embed.weight`), in layer order.
    public var parameters: [NamedParameter] {
        var seen = Set<ObjectIdentifier>()
        var result: [NamedParameter] = []
        func add(_ name: String, _ parameter: Parameter) {
            if seen.insert(ObjectIdentifier(parameter)).inserted { result.append(NamedParameter(name: name, parameter: parameter)) }
        }
        if let embedding { add("embed.weight", embedding.weight) }
        for (name, layer) in layers {
            for (inner, parameter) in layer.namedParameters { add("\(name).\(inner)", parameter) }
        }
        return result
    }

    /// Number of scalar parameters.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.parameter.count } }
    /// Number of scalar parameters that are not frozen.
    public var trainableParameterCount: Int {
        parameters.reduce(0) { $0 + ($1.parameter.requiresGrad ? $1.parameter.count : 0) }
    }

    /// The parameter named `name`, if any.
    public func parameter(named name: String) -> Parameter? {
        parameters.first { $0.name == name }?.parameter
    }

    /// Records the forward pass on `graph`; returns the output `[batch, (length,) outputs]`.
    /// The graph's `sequenceLengths` become the input's `lengths`.
    public func forward(_ input: ModelInput, in graph: Graph) -> Var {
        var x: Var
        graph.sequenceLengths = input.lengths
        switch input {
        case let .tokens(ids, batch, length, _):
            guard let embedding else { preconditionFailure("token input to a feature model") }
            x = ids.withUnsafeBufferPointer { embedding.forward(ids: $0, batch: batch, length: length, in: graph) }
        case let .features(tensor):
            x = graph.constant(tensor)
        }
        for (_, layer) in layers { x = layer.forward(x, in: graph) }
        return x
    }
}
