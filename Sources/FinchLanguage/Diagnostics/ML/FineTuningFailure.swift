import FinchEngine

/// A fine-tuning method or loss that does not fit the model or the data: a probe without a head,
/// layers or LoRA targets that match nothing, and class weights or smoothing for a regression.
enum FineTuningFailure: LanguageFailure, Equatable, Sendable {
    /// `method: probe` on a model `model` without a head.
    case probeWithoutHead(model: String)
    /// `method: freeze` without `layers:`.
    case freezeWithoutLayers
    /// A layer pattern `pattern` to freeze that matches none of the `layers` of `model`.
    case noLayerToFreeze(pattern: String, model: String, layers: [String])
    /// LoRA `targets` that match no Dense layer of the body of `model`.
    case noLoRATarget(model: String, targets: [String])
    /// `label_smoothing:` on a data set `data` with a number to predict.
    case smoothingOnRegression(data: String)
    /// `class_weights:` on a data set `data` with a number to predict.
    case classWeightsOnRegression(data: String)
    /// `class_weights:` that are not one positive number for each of the `classes` of `data`.
    case classWeightsCount(data: String, classes: [String])
    /// `class_weights:` given a value of type `type`.
    case classWeightsType(type: String)

    /// An argument error for a missing setting, a type error for a value of the wrong type, value
    /// errors for the rest.
    var kind: ErrorKind {
        switch self {
        case .freezeWithoutLayers: .argument
        case .classWeightsType: .type
        case .probeWithoutHead, .noLayerToFreeze, .noLoRATarget, .smoothingOnRegression, .classWeightsOnRegression, .classWeightsCount: .value
        }
    }

    /// Which choice does not fit the model or the data.
    var message: String {
        switch self {
        case .probeWithoutHead(let model): "a probe trains only the head, but \(model) has none"
        case .freezeWithoutLayers:
            "method: freeze needs 'layers:' naming the layers to freeze, e.g. method: freeze(layers: [\"embed\", \"blocks.0\"])"
        case let .noLayerToFreeze(pattern, model, _): "no layer of \(model) matches '\(pattern)'"
        case let .noLoRATarget(model, targets):
            "no Dense layer of \(model)'s body matches the targets \(targets.map(Value.quote).joined(separator: ", "))"
        case .smoothingOnRegression(let data): "'label_smoothing:' smooths classes, but \(data) has a number to predict"
        case .classWeightsOnRegression(let data): "'class_weights:' weighs classes, but \(data) has a number to predict"
        case let .classWeightsCount(data, classes):
            "'class_weights:' needs one positive number for each of the \(classes.count) classes of \(data)"
        case .classWeightsType(let type): "'class_weights:' needs balanced or a list of numbers, not \(type)"
        }
    }

    /// The head to add, the layers or targets there are, or the classes to weigh.
    var note: String? {
        switch self {
        case .probeWithoutHead(let model): "use 'copy \(model) head: classify(classes: N)'"
        case let .noLayerToFreeze(pattern, _, layers): Suggestion.note(for: pattern, in: layers) ?? "its layers are \(layers.joined(separator: ", "))"
        case .noLoRATarget: "targets name parts of layers: attn, mlp, dense, or q, k, v, o"
        case .classWeightsCount(_, let classes): "its classes are \(classes.joined(separator: ", ")); or write class_weights: balanced"
        case .freezeWithoutLayers, .smoothingOnRegression, .classWeightsOnRegression, .classWeightsType: nil
        }
    }
}
