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
            throw FinchError(ModelBuildFailure.layerAfterHead(headLine: headRange.line), at: range)
        }
        entries.append(Entry(layer: layer, range: range, isHead: false))
    }

    /// The kind of head, `none` until one is added.
    private(set) var headKind = HeadKind.none

    /// Appends the layers of a `kind` head.
    mutating func appendHead(_ layers: [LayerSpec], kind: HeadKind, at range: SourceRange) throws(FinchError) {
        if let headRange {
            throw FinchError(ModelBuildFailure.secondHead(headLine: headRange.line), at: range)
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
            throw FinchError(ModelBuildFailure.noInput, at: blockRange)
        case (.some, .some):
            throw FinchError(ModelBuildFailure.tokensAndFeatures, at: blockRange)
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
        let failure: ModelBuildFailure, range: SourceRange
        switch error {
        case .noLayers: (failure, range) = (.noLayers, fallback)
        case .embeddingPlacement(let layer): (failure, range) = (.embeddingPlacement, at(layer))
        case let .invalidValue(layer, what, value): (failure, range) = (.invalidValue(what: what, value: value), at(layer))
        case .needsSequence(let layer): (failure, range) = (.needsSequence, at(layer))
        case let .headsDoNotDivideWidth(layer, width, heads): (failure, range) = (.headsDoNotDivideWidth(width: width, heads: heads), at(layer))
        case let .tiedHeadWidth(layer, embedding, hidden): (failure, range) = (.tiedHeadWidth(embedding: embedding, hidden: hidden), at(layer))
        case .noMatch(let pattern): (failure, range) = (.noMatch(pattern: pattern), fallback)
        case .replacementDoesNotFit(let path): (failure, range) = (.replacementDoesNotFit(path: path), fallback)
        case .promptNeedsTokenModel: (failure, range) = (.promptNeedsTokenModel, fallback)
        case let .promptLength(length, context): (failure, range) = (.promptLength(length: length, context: context), fallback)
        case .promptExists(let length): (failure, range) = (.promptExists(length: length), fallback)
        case .tooLarge(let layer): (failure, range) = (.tooLarge, at(layer))
        case let .overBudget(bytes, budget): (failure, range) = (.overBudget(bytes: bytes, budget: budget), fallback)
        case .cancelled: return .interrupted(at: fallback)
        }
        return FinchError(failure, at: range)
    }
}
