/// Data that a model cannot read: texts for a model of features and the other way round, rows of
/// the wrong width, tokens or a tokenizer beyond the model's vocabulary, and properties a data
/// set does not have.
enum DataReadingFailure: LanguageFailure, Equatable, Sendable {
    /// A data set `data` of numeric features, `width` per row, for a model `model` that reads tokens.
    case featuresForTokenModel(model: String, data: String, width: Int)
    /// Rows of `given` numbers for a model `model` that reads rows of `expected`.
    case rowWidth(model: String, expected: Int, given: Int)
    /// A data set `data` of texts for a model `model` that reads numeric features.
    case textsForFeatureModel(model: String, data: String)
    /// A token stream for a model `model` that reads features.
    case tokensForFeatureModel(model: String)
    /// A tokenizer of `tokens` tokens for a model `model` with a vocabulary of `vocabulary`.
    case tokenizerTooLarge(tokens: Int, model: String, vocabulary: Int)
    /// Tokens of a vocabulary of `tokens` for a model `model` with a vocabulary of `vocabulary`;
    /// `note` is the command's advice.
    case tokenVocabulary(tokens: Int, model: String, vocabulary: Int, note: String)
    /// Texts to read for a model `model` that has no tokenizer.
    case noTokenizer(model: String)
    /// `.targets` of a data set `data` loaded without `target:`.
    case noTargets(data: String)
    /// `.texts` of a data set `data` of numeric features.
    case notTexts(data: String)

    /// Always ``ErrorKind/value``.
    var kind: ErrorKind { .value }

    /// What the model reads, and what the data holds.
    var message: String {
        switch self {
        case let .featuresForTokenModel(model, data, _): "\(model) reads tokens, but \(data) holds numeric features"
        case let .rowWidth(model, expected, given): "\(model) reads rows of \(expected) numbers, not \(given)"
        case let .textsForFeatureModel(model, data): "\(model) reads numeric features, but \(data) holds texts"
        case .tokensForFeatureModel(let model): "\(model) reads features, but the data is tokens"
        case let .tokenizerTooLarge(tokens, model, vocabulary): "the tokenizer has \(tokens) tokens, but \(model) has a vocabulary of \(vocabulary)"
        case let .tokenVocabulary(tokens, model, vocabulary, _): "the tokens use a vocabulary of \(tokens), but \(model) has \(vocabulary)"
        case .noTokenizer(let model): "\(model) has no tokenizer to read texts with"
        case .noTargets(let data): "\(data) has no numeric targets"
        case .notTexts(let data): "\(data) holds numeric features, not texts"
        }
    }

    /// The model to build, or the tokenizer or column to give.
    var note: String? {
        switch self {
        case .featuresForTokenModel(_, _, let width): "build a model with 'input features: \(width)'"
        case .textsForFeatureModel: "build a model that starts with 'embedding vocab: tok.size …'"
        case .tokenizerTooLarge: "build the model with 'embedding vocab: tok.size …'"
        case .tokenVocabulary(_, _, _, let note): note
        case .noTokenizer: "give one with 'tokenizer: tok', or pre-train the model on a corpus with 'tokenizer: tok'"
        case .noTargets: "load it with target: COLUMN"
        case .rowWidth, .tokensForFeatureModel, .notTexts: nil
        }
    }
}
