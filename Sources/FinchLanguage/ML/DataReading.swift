import FinchData
import FinchEngine

/// How a model reads a data set: the tokenizer that turns its texts into ids and the number of
/// positions each example fills (1 for feature rows).
struct DataReading {
    /// The tokenizer of a text data set; nil for feature rows.
    let tokenizer: Tokenizer?
    /// Positions per example: texts are cut or padded with `<pad>` to this many tokens.
    let context: Int

    /// How `object` reads `dataset` for the command in `invocation`, whose `on` argument it is.
    ///
    /// The tokenizer is `tokenizer:` if given, else the one the model was pre-trained with. The
    /// context is `context:` if given, else the one the model was fine-tuned with, else the
    /// longest text of `dataset` and `others` in tokens, capped by the model's context less the
    /// positions of a soft prompt (the model ignores `<pad>` positions, so a shorter context only
    /// saves work).
    static func of(_ dataset: Dataset, by object: ModelObject, in invocation: Invocation,
                   others: [Dataset] = []) throws(FinchError) -> DataReading {
        let place = invocation.place("on")
        guard dataset.texts != nil else {
            guard case .features(let width) = object.model.spec.input else {
                throw FinchError(DataReadingFailure.featuresForTokenModel(model: object.name, data: dataset.name, width: dataset.width ?? 0), at: place)
            }
            guard width == dataset.width else {
                throw FinchError(DataReadingFailure.rowWidth(model: object.name, expected: width, given: dataset.width ?? 0), at: place)
            }
            return DataReading(tokenizer: nil, context: 1)
        }
        guard case .tokens(let vocabulary, let context) = object.model.spec.input else {
            throw FinchError(DataReadingFailure.textsForFeatureModel(model: object.name, data: dataset.name), at: place)
        }
        let prompt = TuningMethod.promptPositions(invocation, of: object.model)
        let maximum = max(1, context - prompt)
        let tokenizer = try chosenTokenizer(object, invocation)
        guard tokenizer.size <= vocabulary else {
            throw FinchError(DataReadingFailure.tokenizerTooLarge(tokens: tokenizer.size, model: object.name, vocabulary: vocabulary),
                             at: invocation.place("tokenizer"))
        }
        if let context = try invocation.integer("context", in: 1...maximum) {
            return DataReading(tokenizer: tokenizer, context: context)
        }
        if let context = object.textContext {
            return DataReading(tokenizer: tokenizer, context: min(context, maximum))
        }
        let longest = ([dataset] + others).map { $0.longestText(tokenizer: tokenizer) }.max() ?? 1
        return DataReading(tokenizer: tokenizer, context: max(1, min(longest, maximum)))
    }

    /// `tokenizer:` of `invocation`, else the tokenizer `object` was trained with.
    static func chosenTokenizer(_ object: ModelObject, _ invocation: Invocation) throws(FinchError) -> Tokenizer {
        if invocation.bound("tokenizer") != nil {
            return try invocation.object("tokenizer", TokenizerObject.self, what: "a tokenizer").tokenizer
        }
        guard let tokenizer = object.tokenizer?.object(TokenizerObject.self) else {
            throw FinchError(DataReadingFailure.noTokenizer(model: object.name), at: invocation.place("model"))
        }
        return tokenizer.tokenizer
    }

    /// The model inputs of every example of `dataset`, `batch` at a time, for inference.
    func inputs(_ dataset: Dataset, batch: Int, at range: SourceRange) throws(FinchError) -> [ModelInput] {
        do throws(DataError) { return try dataset.inputBatches(batch: batch, tokenizer: tokenizer, context: context) } catch {
            throw FinchError(EngineRefusal.data(error), at: range)
        }
    }
}
