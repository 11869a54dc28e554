/// Models that `model`, its layer commands and `copy` cannot build: layers outside a model
/// block, nested blocks, heads that do not fit the input, and copies of adapted or compressed
/// models.
enum ModelCommandFailure: LanguageFailure, Equatable, Sendable {
    /// A `model` block inside another.
    case nestedModel
    /// The layer command `command` outside a `model` block.
    case layerOutsideModel(command: String)
    /// `reconstruct` in a model that does not read features.
    case reconstructWithoutFeatures
    /// `copy` of `model`, which has LoRA adapters.
    case copyWithLoRA(model: String)
    /// `copy` of `model`, which has compressed layers.
    case copyOfCompressed(model: String)
    /// `copy … head: classify` without `classes:`.
    case classifyWithoutClasses
    /// `copy … head: reconstruct` of `model`, which reads tokens.
    case reconstructOnTokens(model: String)

    /// An argument error for a missing `classes:`, value errors otherwise.
    var kind: ErrorKind {
        switch self {
        case .classifyWithoutClasses: .argument
        case .nestedModel, .layerOutsideModel, .reconstructWithoutFeatures, .copyWithLoRA, .copyOfCompressed, .reconstructOnTokens: .value
        }
    }

    /// What cannot be built or copied.
    var message: String {
        switch self {
        case .nestedModel: "a 'model' block cannot hold another model"
        case .layerOutsideModel(let command): "'\(command)' describes a layer: write it inside 'model NAME { … }'"
        case .reconstructWithoutFeatures: "'reconstruct' rebuilds numeric features: the model needs 'input features: N'"
        case .copyWithLoRA(let model): "\(model) has LoRA adapters; merge them before copying"
        case .copyOfCompressed(let model): "\(model) has compressed layers (int8, pruning masks or factors), which a copy cannot take"
        case .classifyWithoutClasses: "a classify head needs 'classes:'"
        case .reconstructOnTokens(let model): "a reconstruct head rebuilds numeric features, but \(model) reads tokens"
        }
    }

    /// What to copy instead, for models that cannot be copied.
    var note: String? {
        switch self {
        case .copyWithLoRA: "finetune with merge: true"
        case .copyOfCompressed: "copy the float model it was compressed from"
        case .nestedModel, .layerOutsideModel, .reconstructWithoutFeatures, .classifyWithoutClasses, .reconstructOnTokens: nil
        }
    }
}
