import FinchDisplay
import FinchEngine

/// The layers written so far in a `model NAME { … }` block, each with where it was written, so
/// a problem the engine finds in layer 3 points at the command that made layer 3.
struct ModelBuilder {
    /// One engine layer and the command that made it.
    struct Entry {
        /// The engine's layer.
        let layer: LayerSpec
        /// Where the command is.
        let range: SourceRange
        /// Whether it belongs to the head (`lm_head`, `classify`, `regress`, `reconstruct`).
        let isHead: Bool
    }

    /// The context length a token model gets when no `positions` or `context:` says otherwise.
    static let defaultContext = 64

    /// Token vocabulary, set by `embedding`.
    var vocabulary: Int?
    /// Positions per sequence, set by `positions` or `embedding … context:`.
    var context: Int?
    /// Feature width, set by `input features:`.
    var features: Int?
    /// The layers in order.
    private(set) var entries: [Entry] = []
    /// Where the first head layer was written, if any.
    private var headRange: SourceRange?

    /// Whether the output so far is a sequence `[length, width]` (tokens before any pooling).
    var isSequence: Bool {
        guard vocabulary != nil else { return false }
        return !entries.contains { if case .pool = $0.layer { true } else { false } }
    }

    /// Appends a body layer; refused after a head, which must come last.
    mutating func append(_ layer: LayerSpec, at range: SourceRange) throws(FinchError) {
        if let headRange {
            throw FinchError(.value, "a head must be the model's last layer", at: range,
                             note: "the head is at line \(headRange.line); move this layer above it")
        }
        entries.append(Entry(layer: layer, range: range, isHead: false))
    }

    /// The kind of head, `none` until one is added.
    private(set) var headKind = HeadKind.none

    /// Appends the layers of a `kind` head.
    mutating func appendHead(_ layers: [LayerSpec], kind: HeadKind, at range: SourceRange) throws(FinchError) {
        if let headRange {
            throw FinchError(.value, "the model already has a head", at: range, note: "the head is at line \(headRange.line)")
        }
        headRange = range
        headKind = kind
        entries += layers.map { Entry(layer: $0, range: range, isHead: true) }
    }

    /// The engine's description of the model, or the first problem, pointing at its layer.
    func spec(at blockRange: SourceRange) throws(FinchError) -> ModelSpec {
        let input: InputSpec
        switch (vocabulary, features) {
        case (let vocabulary?, nil): input = .tokens(vocabulary: vocabulary, length: context ?? ModelBuilder.defaultContext)
        case (nil, let features?): input = .features(width: features)
        case (nil, nil):
            throw FinchError(.value, "the model has no input", at: blockRange,
                             note: "start the block with 'embedding vocab: … dim: …' for text or 'input features: …' for numbers")
        case (.some, .some):
            throw FinchError(.value, "a model reads either tokens ('embedding') or features ('input'), not both", at: blockRange)
        }
        let spec = ModelSpec(input: input, layers: entries.map(\.layer))
        do {
            _ = try spec.plan()
        } catch {
            throw ModelBuilder.describe(error, ranges: entries.map(\.range), fallback: blockRange)
        }
        return spec
    }

    /// The head: its kind and first layer (the layer count when there is none).
    var head: ModelHead { ModelHead(kind: headKind, firstLayer: entries.firstIndex(where: \.isHead) ?? entries.count) }

    /// A model error as a Finch error at the layer it names.
    static func describe(_ error: ModelError, ranges: [SourceRange], fallback: SourceRange) -> FinchError {
        func at(_ layer: Int) -> SourceRange { layer < ranges.count ? ranges[layer] : fallback }
        switch error {
        case .noLayers:
            return FinchError(.value, "the model has no layers", at: fallback, note: "add layers inside the block")
        case .embeddingPlacement(let layer):
            return FinchError(.value, "an embedding must be the first layer of a text model, and only there", at: at(layer))
        case .invalidValue(let layer, let what, let value):
            return FinchError(.value, "invalid \(what) \(Value.format(value))", at: at(layer))
        case .needsSequence(let layer):
            return FinchError(.value, "this layer needs a sequence of vectors, but its input is one vector per example", at: at(layer),
                              note: "move it before 'pool', or use a text model")
        case .headsDoNotDivideWidth(let layer, let width, let heads):
            let fits = (1...max(1, heads * 2)).filter { width % $0 == 0 }.last { $0 <= heads } ?? 1
            return FinchError(.value, "\(heads) heads do not divide the width \(width)", at: at(layer),
                              note: "use heads: \(fits), or a width divisible by \(heads)")
        case .tiedHeadWidth(let layer, let embedding, let hidden):
            return FinchError(.value, "a tied head needs width \(embedding) (the embedding's), but gets \(hidden)", at: at(layer),
                              note: "write 'tied: false', or end the body with 'dense \(embedding)'")
        case .noMatch(let pattern):
            return FinchError(.value, "no layer matches '\(pattern)'", at: fallback)
        case .replacementDoesNotFit:
            return FinchError(.value, error.description, at: fallback)
        case .promptNeedsTokenModel:
            return FinchError(.value, error.description, at: fallback, note: "prompt tuning needs a model that starts with 'embedding'")
        case .promptLength(_, let context):
            return FinchError(.value, error.description, at: fallback, note: "write method: prompt(length: N) with N below \(context)")
        case .promptExists(let length):
            return FinchError(.value, error.description, at: fallback,
                              note: "write method: prompt(length: \(length)) to go on training it, or prompt-tune a copy of the model it came from")
        case .tooLarge(let layer):
            return FinchError(.value, "this layer is too large for any machine", at: at(layer), note: "use smaller sizes")
        case .overBudget(let bytes, let budget):
            return FinchError(.value, "the model needs about \(ByteSize.text(bytes)) for its weights and gradients, over the budget of \(ByteSize.text(budget))",
                              at: fallback, note: "make it smaller: fewer or narrower layers, a smaller vocabulary or context")
        case .cancelled:
            return .interrupted(at: fallback)
        }
    }
}
