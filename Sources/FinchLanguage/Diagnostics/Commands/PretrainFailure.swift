import FinchEngine

/// Data and models that `pretrain` cannot pair: an objective that does not fit the data or the
/// model's head, too few tokens for the context, and held-out data of the wrong kind.
enum PretrainFailure: LanguageFailure, Equatable, Sendable {
    /// `validate:` of a token objective given a value of type `type`.
    case validationNotText(type: String)
    /// `validate:` given to denoising, which holds out its own rows.
    case validationWithDenoising
    /// `on` given a value of type `type` (`nothing` when left out).
    case dataNotTokens(type: String)
    /// A token objective for `model`, whose head is `head`, not `lm`.
    case tokensWithoutLMHead(PretrainingObjective, model: String, head: HeadKind)
    /// `count` tokens, too few for a context of `context`.
    case tooFewTokens(count: Int, context: Int)
    /// Denoising asked of tokens.
    case denoisingTokens
    /// A validation text of `count` tokens, too few for a context of `context`.
    case tooFewValidationTokens(count: Int, context: Int)
    /// A token objective on the data set `data`, which holds features if `numeric`, else labelled texts.
    case tokensFromDataset(PretrainingObjective, data: String, numeric: Bool)
    /// `model` does not read `width` features.
    case inputWidth(model: String, width: Int)
    /// Denoising `width` features with `model`, which outputs `outputs` values.
    case reconstructionWidth(width: Int, model: String, outputs: Int)

    /// A type error for values of the wrong type, an argument error for `validate:` with
    /// denoising, value errors otherwise.
    var kind: ErrorKind {
        switch self {
        case .validationNotText, .dataNotTokens: .type
        case .validationWithDenoising: .argument
        case .tokensWithoutLMHead, .tooFewTokens, .denoisingTokens, .tooFewValidationTokens, .tokensFromDataset, .inputWidth,
             .reconstructionWidth: .value
        }
    }

    /// What does not fit the objective.
    var message: String {
        switch self {
        case .validationNotText(let type): "'validate:' of a token objective needs a corpus or tokens, not \(type)"
        case .validationWithDenoising:
            "'validate:' takes held-out text for the token objectives; denoising holds out a tenth of the rows itself"
        case .dataNotTokens(let type): "'pretrain' needs tokens or a data set after 'on', not \(type)"
        case let .tokensWithoutLMHead(objective, model, head):
            "\(objective.rawValue) pre-training predicts tokens, but \(model) has a \(head.rawValue) head"
        case let .tooFewTokens(count, context): "the tokens are too few (\(count)) for a context of \(context)"
        case .denoisingTokens: "denoising rebuilds numeric features; for tokens use next_token or masked"
        case let .tooFewValidationTokens(count, context):
            "the validation text has \(count) tokens, too few for a context of \(context)"
        case let .tokensFromDataset(objective, data, numeric):
            "\(objective.rawValue) pre-training needs tokens; \(data) holds \(numeric ? "features" : "labelled texts")"
        case let .inputWidth(model, width): "\(model) does not read \(width) features"
        case let .reconstructionWidth(width, model, outputs):
            "denoising rebuilds the \(width) features, but \(model) outputs \(outputs) values"
        }
    }

    /// How to change the model, the data or the context.
    var note: String? {
        switch self {
        case .tokensWithoutLMHead(_, let model, _): "end the model with 'lm_head', or use 'copy \(model) head: lm'"
        case .tooFewTokens: "lower context:"
        case .tooFewValidationTokens: "validate on a longer text, or lower context:"
        case .tokensFromDataset(_, _, let numeric):
            numeric ? "use objective: denoise on numeric features" : "pre-train on a corpus with 'tokenizer: tok'"
        case .inputWidth(_, let width): "build it with 'input features: \(width)'"
        case .reconstructionWidth: "end the model with 'reconstruct'"
        case .validationNotText, .validationWithDenoising, .dataNotTokens, .denoisingTokens: nil
        }
    }
}
