import FinchEngine

/// The heads a model can end with, shared by the layer commands in a `model` block and by
/// `copy … head:`: each is a list of engine layers appended to a body.
enum HeadLayers {
    /// The head kinds `copy … head:` accepts.
    static let kinds = HeadKind.allCases.map(\.rawValue)
    /// The pooling choices of a head over a sequence.
    static let poolings = PoolChoice.allCases.map(\.rawValue)

    /// The layers of a `kind` head with `outputs` outputs on a body whose output is a sequence
    /// (`isSequence`), pooled by `pool` (nil: mean); an lm head shares the embedding's weights when `tied`. Throws at `range` when they cannot fit.
    static func layers(kind: HeadKind, outputs: Int, pool: PoolChoice?, tied: Bool = true, isSequence: Bool, isTokenModel: Bool,
                       range: SourceRange) throws(FinchError) -> [LayerSpec] {
        switch kind {
        case .lm:
            guard isTokenModel else {
                throw FinchError(ModelBuildFailure.lmHeadOnFeatures, at: range)
            }
            guard isSequence else {
                throw FinchError(ModelBuildFailure.lmHeadOnPooledBody, at: range)
            }
            return [.lmHead(tied: tied)]
        case .none:
            return []
        default:
            var layers: [LayerSpec] = []
            switch (isSequence, (pool ?? .mean).pooling) {
            case (true, nil):
                throw FinchError(ModelBuildFailure.headNeedsPooling(kind: kind), at: range)
            case (true, let pooling?):
                layers.append(.pool(pooling))
            case (false, _):
                break
            }
            return layers + [.dense(outputs: outputs)]
        }
    }
}

/// What `pool:` names: how a head turns a sequence into one vector per example, or `none`
/// (the body already gives one).
enum PoolChoice: String, CaseIterable {
    /// The mean over the positions.
    case mean
    /// The first position.
    case first
    /// No pooling.
    case none

    /// The engine's pooling; nil for `none`.
    var pooling: Pooling? {
        switch self {
        case .mean: .mean
        case .first: .first
        case .none: nil
        }
    }
}
