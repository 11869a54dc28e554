import FinchDisplay
import FinchEngine

/// A `model NAME { … }` block, a new head or a soft prompt that does not make a model: the
/// order of its layers, its input, the sizes the engine checks, and its memory.
enum ModelBuildFailure: LanguageFailure, Equatable, Sendable {
    /// A body layer written after the head, which is at line `headLine`.
    case layerAfterHead(headLine: Int)
    /// A second head; the first is at line `headLine`.
    case secondHead(headLine: Int)
    /// A block with neither `embedding` nor `input`.
    case noInput
    /// A block with both `embedding` and `input`.
    case tokensAndFeatures
    /// A block with no layers.
    case noLayers
    /// An embedding that is not the first layer of a text model.
    case embeddingPlacement
    /// A size or probability `value` of `what` that the engine refuses.
    case invalidValue(what: String, value: Double)
    /// A sequence layer after the input was pooled into one vector per example.
    case needsSequence
    /// An attention layer of `heads` heads over a width `width` they do not divide.
    case headsDoNotDivideWidth(width: Int, heads: Int)
    /// A tied lm head on a body of width `hidden`, not the embedding's `embedding`.
    case tiedHeadWidth(embedding: Int, hidden: Int)
    /// A layer pattern `pattern` that matches no layer.
    case noMatch(pattern: String)
    /// A new layer that cannot take the place of the layer at `path`.
    case replacementDoesNotFit(path: String)
    /// A soft prompt on a model that does not read tokens.
    case promptNeedsTokenModel
    /// A soft prompt of `length` vectors that leaves no room in the context of `context`.
    case promptLength(length: Int, context: Int)
    /// A soft prompt on a model that has one of `length` vectors already.
    case promptExists(length: Int)
    /// A layer with more parameters than any machine holds.
    case tooLarge
    /// A model whose weights and gradients take `bytes`, over the `budget`.
    case overBudget(bytes: Int, budget: Int)
    /// An lm head on a model that reads features.
    case lmHeadOnFeatures
    /// An lm head on a body that pools its positions into one vector.
    case lmHeadOnPooledBody
    /// A `kind` head, which needs one vector per example, on a body that outputs a sequence.
    case headNeedsPooling(kind: HeadKind)

    /// Always ``ErrorKind/value``.
    var kind: ErrorKind { .value }

    /// What in the block does not make a model.
    var message: String {
        switch self {
        case .layerAfterHead: "a head must be the model's last layer"
        case .secondHead: "the model already has a head"
        case .noInput: "the model has no input"
        case .tokensAndFeatures: "a model reads either tokens ('embedding') or features ('input'), not both"
        case .noLayers: "the model has no layers"
        case .embeddingPlacement: "an embedding must be the first layer of a text model, and only there"
        case let .invalidValue(what, value): "invalid \(what) \(Value.format(value))"
        case .needsSequence: "this layer needs a sequence of vectors, but its input is one vector per example"
        case let .headsDoNotDivideWidth(width, heads): "\(heads) heads do not divide the width \(width)"
        case let .tiedHeadWidth(embedding, hidden): "a tied head needs width \(embedding) (the embedding's), but gets \(hidden)"
        case .noMatch(let pattern): "no layer matches '\(pattern)'"
        case .replacementDoesNotFit(let path): ModelError.replacementDoesNotFit(path: path).description
        case .promptNeedsTokenModel: ModelError.promptNeedsTokenModel.description
        case let .promptLength(length, context): ModelError.promptLength(length: length, context: context).description
        case .promptExists(let length): ModelError.promptExists(length: length).description
        case .tooLarge: "this layer is too large for any machine"
        case let .overBudget(bytes, budget):
            "the model needs about \(ByteSize.text(bytes)) for its weights and gradients, over the budget of \(ByteSize.text(budget))"
        case .lmHeadOnFeatures: "an lm head predicts tokens, but this model reads features"
        case .lmHeadOnPooledBody: "an lm head needs one vector per position, but the body pools them into one"
        case .headNeedsPooling(let kind): "the body outputs a sequence (one vector per position); a \(kind) head needs one vector per example"
        }
    }

    /// Where the head is, what to write instead, or what to make smaller.
    var note: String? {
        switch self {
        case .layerAfterHead(let line): "the head is at line \(line); move this layer above it"
        case .secondHead(let line): "the head is at line \(line)"
        case .noInput: "start the block with 'embedding vocab: … dim: …' for text or 'input features: …' for numbers"
        case .noLayers: "add layers inside the block"
        case .needsSequence: "move it before 'pool', or use a text model"
        case let .headsDoNotDivideWidth(width, heads):
            "use heads: \((1...max(1, heads * 2)).filter { width % $0 == 0 }.last { $0 <= heads } ?? 1), or a width divisible by \(heads)"
        case .tiedHeadWidth(let embedding, _): "write 'tied: false', or end the body with 'dense \(embedding)'"
        case .promptNeedsTokenModel: "prompt tuning needs a model that starts with 'embedding'"
        case .promptLength(_, let context): "write method: prompt(length: N) with N below \(context)"
        case .promptExists(let length):
            "write method: prompt(length: \(length)) to go on training it, or prompt-tune a copy of the model it came from"
        case .tooLarge: "use smaller sizes"
        case .overBudget: "make it smaller: fewer or narrower layers, a smaller vocabulary or context"
        case .lmHeadOnFeatures: "use head: regress or head: reconstruct"
        case .headNeedsPooling: "write pool: mean (or pool: first)"
        case .tokensAndFeatures, .embeddingPlacement, .invalidValue, .noMatch, .replacementDoesNotFit, .lmHeadOnPooledBody: nil
        }
    }
}
