/// What a model reads.
public enum InputSpec: Equatable, Sendable {
    /// Token ids in `0..<vocabulary`, sequences of at most `length` positions.
    case tokens(vocabulary: Int, length: Int)
    /// Float vectors of `width` features.
    case features(width: Int)
}

/// One layer of a model description. Widths flow from the previous layer.
public enum LayerSpec: Equatable, Sendable {
    /// Token embedding of `width` (first layer of a token model). Named `embed`.
    case embedding(width: Int)
    /// Learned absolute positions added to a sequence. Named `pos`.
    case positionalEmbedding
    /// Fully connected layer on the last axis. Named `dense.i`.
    case dense(outputs: Int, bias: Bool = true)
    /// Elementwise nonlinearity. Named `act.i`.
    case activation(Activation)
    /// Layer normalisation. Named `norm.i`.
    case layerNorm(bias: Bool = true)
    /// Inverted dropout while training. Named `drop.i`.
    case dropout(Float)
    /// Multi-head self-attention (no residual). Named `attn.i`. Each head is `headWidth` wide
    /// (nil: the width split evenly); a model whose heads were pruned has fewer heads of the
    /// original width, so its q, k and v project to `heads × headWidth`.
    case selfAttention(heads: Int, causal: Bool, bias: Bool = true, headWidth: Int? = nil)
    /// Pre-norm Transformer block with a GELU MLP. Named `blocks.i`. `headWidth` as for
    /// `selfAttention`.
    case transformerBlock(heads: Int, causal: Bool = true, bias: Bool = true, mlpRatio: Int = 4, dropout: Float = 0,
                          headWidth: Int? = nil)
    /// Sequence to one vector per example. Named `pool.i`.
    case pool(Pooling)
    /// Vocabulary logits, optionally tied to the token embedding. Named `head`.
    case lmHead(tied: Bool, bias: Bool = false)
}

/// A model description: a value that can be stored, compared, and built into a `Model`.
public struct ModelSpec: Equatable, Sendable {
    /// What the model reads.
    public var input: InputSpec
    /// The layers, first to last.
    public var layers: [LayerSpec]

    /// A description from its parts.
    public init(input: InputSpec, layers: [LayerSpec]) {
        self.input = input
        self.layers = layers
    }

    /// A GPT: token and position embeddings, `depth` causal blocks, final norm, LM head.
    public static func gpt(
        vocabulary: Int, context: Int, depth: Int, heads: Int, width: Int,
        dropout: Float = 0, bias: Bool = false, tied: Bool = true
    ) -> ModelSpec {
        var layers: [LayerSpec] = [.embedding(width: width), .positionalEmbedding]
        if dropout > 0 { layers.append(.dropout(dropout)) }
        for _ in 0..<depth {
            layers.append(.transformerBlock(heads: heads, causal: true, bias: bias, mlpRatio: 4, dropout: dropout))
        }
        layers += [.layerNorm(bias: bias), .lmHead(tied: tied, bias: false)]
        return ModelSpec(input: .tokens(vocabulary: vocabulary, length: context), layers: layers)
    }

    /// A multilayer perceptron: `features → hidden… → outputs` with `activation` between.
    public static func mlp(features: Int, hidden: [Int], outputs: Int, activation: Activation = .relu) -> ModelSpec {
        var layers: [LayerSpec] = []
        for width in hidden { layers += [.dense(outputs: width), .activation(activation)] }
        layers.append(.dense(outputs: outputs))
        return ModelSpec(input: .features(width: features), layers: layers)
    }

    /// A bidirectional Transformer classifier over token sequences.
    public static func sequenceClassifier(
        vocabulary: Int, length: Int, depth: Int, heads: Int, width: Int, classes: Int,
        pooling: Pooling = .mean, dropout: Float = 0
    ) -> ModelSpec {
        var layers: [LayerSpec] = [.embedding(width: width), .positionalEmbedding]
        for _ in 0..<depth {
            layers.append(.transformerBlock(heads: heads, causal: false, bias: true, mlpRatio: 4, dropout: dropout))
        }
        layers += [.layerNorm(), .pool(pooling), .dense(outputs: classes)]
        return ModelSpec(input: .tokens(vocabulary: vocabulary, length: length), layers: layers)
    }
}

/// Why a model description or a change to a model was refused.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The description has no layers.
    case noLayers
    /// A token model must start with `.embedding`; a feature model must not contain one.
    case embeddingPlacement(layer: Int)
    /// A size that must be positive (or a probability outside [0, 1)).
    case invalidValue(layer: Int, what: String, value: Double)
    /// A layer that needs a `[batch, length, width]` sequence got vectors.
    case needsSequence(layer: Int)
    /// Width not divisible by the number of attention heads.
    case headsDoNotDivideWidth(layer: Int, width: Int, heads: Int)
    /// A tied LM head whose width differs from the embedding's.
    case tiedHeadWidth(layer: Int, embedding: Int, hidden: Int)
    /// A name pattern that matched nothing.
    case noMatch(pattern: String)
    /// A layer that cannot take the place of the layer at `path` (widths or kind differ).
    case replacementDoesNotFit(path: String)
    /// A soft prompt on a model that does not read tokens, or has no layer after its embedding.
    case promptNeedsTokenModel
    /// A soft prompt of `length` vectors, which must leave at least one position of `context`.
    case promptLength(length: Int, context: Int)
    /// A second soft prompt, of another length than the one the model has.
    case promptExists(length: Int)
    /// A layer with more parameters than any machine holds (sizes beyond reason).
    case tooLarge(layer: Int)
    /// Building the model would take `bytes` (values and gradients), over the `budget`.
    case overBudget(bytes: Int, budget: Int)
    /// The user asked building to stop (see ``Cancellation``); no model was made.
    case cancelled

    /// One-line explanation.
    public var description: String {
        switch self {
        case .noLayers: "the model has no layers"
        case let .embeddingPlacement(layer): "layer \(layer): an embedding must be the first layer of a token model, and only there"
        case let .invalidValue(layer, what, value): "layer \(layer): invalid \(what) \(value)"
        case let .needsSequence(layer): "layer \(layer) needs a sequence [batch, length, width] but gets vectors (after pooling or feature input)"
        case let .headsDoNotDivideWidth(layer, width, heads): "layer \(layer): width \(width) is not divisible by \(heads) heads"
        case let .tiedHeadWidth(layer, embedding, hidden): "layer \(layer): tied head needs width \(embedding), got \(hidden)"
        case let .noMatch(pattern): "no parameter or layer matches '\(pattern)'"
        case let .replacementDoesNotFit(path): "the new layer does not fit in the place of \(path)"
        case .promptNeedsTokenModel: "a soft prompt needs a token model with a layer after its embedding"
        case let .promptLength(length, context): "a soft prompt of \(length) vectors must be 1 to \(context - 1) long, to leave room for tokens in the context of \(context)"
        case let .promptExists(length): "the model already has a soft prompt of \(length) vectors"
        case let .tooLarge(layer): "layer \(layer) would have more than \(Int(ModelPlan.maximumLayerParameters)) parameters"
        case let .overBudget(bytes, budget):
            "building the model takes \(bytes / 1_048_576) MiB for its weights and gradients, over the budget of \(budget / 1_048_576) MiB"
        case .cancelled: "building the model was interrupted"
        }
    }
}
