/// Arguments `prune` cannot combine and models `compression` cannot measure: more or fewer than
/// one way to prune, `layer:` and `heads:` without each other, and lists that hold no
/// classifiers.
enum CompressionCommandFailure: LanguageFailure, Equatable, Sendable {
    /// `prune` given more than one of sparsity:, neurons: and heads:, the labels `given`.
    case pruneModesTogether(given: [String])
    /// `prune model` given none of sparsity:, neurons: and heads:.
    case pruneModeMissing(model: String)
    /// `layer:` without `heads:`.
    case layerWithoutHeads
    /// `layer:` with `heads:` given a fraction, pruning `model`.
    case layerWithFraction(model: String)
    /// `heads:` given a list that is not of whole numbers from 0.
    case headNumbers
    /// `heads: heads` (a list) pruning `model`, without `layer:`.
    case headsWithoutLayer(model: String, heads: String)
    /// `heads:` given a value of type `type`.
    case headsType(type: String)
    /// `compression` given something other than a list.
    case compressionNeedsList
    /// `compression` given a list holding a value of type `type`.
    case compressionNeedsClassifiers(type: String)
    /// `compression … on data`, which has no labels.
    case noLabels(data: String)
    /// `data` has `classes` classes, but `model` outputs `outputs`.
    case classCount(data: String, classes: Int, model: String, outputs: Int)

    /// Argument errors for arguments that do not go together, type errors for values of the
    /// wrong type, value errors for the data.
    var kind: ErrorKind {
        switch self {
        case .pruneModesTogether, .pruneModeMissing, .layerWithoutHeads, .layerWithFraction, .headsWithoutLayer: .argument
        case .headNumbers, .headsType, .compressionNeedsList, .compressionNeedsClassifiers: .type
        case .noLabels, .classCount: .value
        }
    }

    /// Which arguments do not fit, or what cannot be measured.
    var message: String {
        switch self {
        case .pruneModesTogether(let given): "'prune' takes one of sparsity:, neurons: or heads:, not \(given.joined(separator: " and "))"
        case .pruneModeMissing: "'prune' needs sparsity: (masked weights), neurons: or heads: (a smaller model)"
        case .layerWithoutHeads: "layer: goes with heads: [...]"
        case .layerWithFraction: "layer: goes with a list of heads, not a fraction"
        case .headNumbers: "heads: needs a fraction or a list of head numbers (whole numbers from 0)"
        case .headsWithoutLayer: "heads: [...] needs layer: — the attention layer the heads belong to"
        case .headsType(let type): "heads: needs a fraction or a list of head numbers, not \(type)"
        case .compressionNeedsList: "'compression' needs a list of models, as in compression [net, q] on test"
        case .compressionNeedsClassifiers(let type): "'compression' needs classifiers, not \(type)"
        case .noLabels(let data): "\(data) has no labels to measure accuracy against"
        case let .classCount(data, classes, model, outputs): "\(data) has \(classes) classes, but \(model) outputs \(outputs)"
        }
    }

    /// How to write the pruning, for arguments missing or misplaced.
    var note: String? {
        switch self {
        case .pruneModeMissing(let model):
            "e.g. prune \(model) sparsity: 0.5, prune \(model) neurons: 0.5 or prune \(model) heads: 0.5"
        case .layerWithFraction(let model): "prune \(model) heads: [0] layer: 1 removes head 0 of attention layer 1"
        case let .headsWithoutLayer(model, heads): "e.g. prune \(model) heads: \(heads) layer: 0"
        case .pruneModesTogether, .layerWithoutHeads, .headNumbers, .headsType, .compressionNeedsList, .compressionNeedsClassifiers,
             .noLabels, .classCount: nil
        }
    }
}
