import FinchEngine

/// An `attention MODEL on TEXT` that cannot be drawn: its arguments do not go together, or the
/// engine cannot read the model's attention over the text.
enum AttentionFailure: LanguageFailure, Equatable, Sendable {
    /// No `on:` text to attend over, for the model `model`.
    case needsText(model: String)
    /// `heads:` given something other than `all`.
    case headsNotAll
    /// `name:` beside `rollout: true`, which sums every layer and head.
    case besideRollout(argument: String)
    /// Both `head:` and `heads:`.
    case headAndHeads
    /// Attention weights the engine cannot give for `model`: a model without attention layers,
    /// else in the engine's words.
    case refused(AttentionError, model: String)

    /// Argument errors for arguments that do not go together, value errors for the rest.
    var kind: ErrorKind {
        switch self {
        case .needsText, .besideRollout, .headAndHeads: .argument
        case .headsNotAll, .refused: .value
        }
    }

    /// Which argument does not fit, or what the engine cannot show.
    var message: String {
        switch self {
        case .needsText(let model): "'attention' needs a text to attend over, as in attention \(model) on \"a fine film\""
        case .headsNotAll: "outside 'model', 'heads:' takes only all (a grid of every head)"
        case .besideRollout(let argument): "rollout: true sums up every layer and head, so '\(argument):' has no place beside it"
        case .headAndHeads: "'head:' shows one head and 'heads: all' every head; give one of them"
        case .refused(.noAttention, let model): "\(model) has no attention layer to show"
        case .refused(let error, _): error.description
        }
    }

    /// What to write instead.
    var note: String? {
        switch self {
        case .headsNotAll: "write heads: all, or head: N for one head"
        case .besideRollout(let argument): "leave out \(argument):, or leave out rollout: true"
        case let .refused(error, model):
            switch error {
            case .noAttention: "attention maps need a model with 'transformer' or 'attention' layers"
            case .emptyInput: "give a text with at least one token"
            case .tooLong(_, let capacity): "shorten the text to at most \(capacity) tokens"
            case .tokenOutOfRange: "use the tokenizer \(model) was trained with"
            case .noSuchLayer(_, let layers): "write layer: 0 to layer: \(layers - 1)"
            case .noSuchHead(_, let heads, _): "write head: 0 to head: \(heads - 1), or heads: all"
            }
        case .needsText, .headAndHeads: nil
        }
    }
}
