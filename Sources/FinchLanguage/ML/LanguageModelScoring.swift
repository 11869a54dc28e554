import FinchData
import FinchEngine

/// `evaluate LM on TEXT`: the mean cross-entropy of each next token of a corpus or token stream,
/// over non-overlapping windows of the model's context that cover the text from its start (the
/// first token of each window is predicted from no context, as nanoGPT's evaluation does).
enum LanguageModelScoring {
    /// Windows per forward pass.
    static let batch = 16

    /// The evaluation of the `lm` model `object` on the `on:` text of `invocation`.
    static func evaluate(_ object: ModelObject, _ invocation: Invocation) throws(FinchError) -> LanguageModelEvaluationObject {
        let (name, stream, charactersPerToken) = try text(for: object, invocation)
        let context = try object.tokenContext(for: stream, invocation, note: "evaluate with the tokenizer the model was trained with")
        let windows: NextTokenBatches
        do throws(DataError) { windows = try NextTokenBatches(stream: stream.ids, context: context, batch: batch, seed: 0) } catch {
            throw FinchError(InferenceFailure.textTooShort(error), at: invocation.place("on"))
        }
        var nats = 0.0, tokens = 0
        for window in windows.evaluationBatches(limit: stream.ids.count / (context * batch) + 1) {
            try invocation.interpreter.checkInterruption(at: invocation.range)
            let scored: Evaluation
            do throws(BatchError) { scored = try object.model.evaluate([window]) } catch {
                throw FinchError(InferenceFailure.textDoesNotFit(model: object.name, error), at: invocation.place("on"))
            }
            let predicted = window.input.batch * context
            nats += Double(scored.loss) * Double(predicted)
            tokens += predicted
        }
        return LanguageModelEvaluationObject(modelName: object.name, dataName: name, loss: nats / Double(max(tokens, 1)),
                                             tokens: tokens, charactersPerToken: charactersPerToken)
    }

    /// The text after `on:` as tokens: a corpus read with the model's tokenizer (or `tokenizer:`),
    /// with its characters per token, or a token stream.
    private static func text(for object: ModelObject, _ invocation: Invocation) throws(FinchError) -> (String, TokenStream, Double?) {
        let value = invocation.bound("on")?.value
        if let corpus = value?.object(CorpusObject.self) {
            let tokenizer = try DataReading.chosenTokenizer(object, invocation)
            let ids = try invocation.encode(corpus.corpus, with: tokenizer)
            let perToken = ids.isEmpty ? nil : Double(corpus.corpus.text.count) / Double(ids.count)
            return (corpus.corpus.name, TokenStream(ids: ids, vocabulary: tokenizer.size), perToken)
        }
        if let tokens = value?.object(TokensObject.self) { return (tokens.name, tokens.stream, nil) }
        throw FinchError(InferenceFailure.needsCorpusOrTokens(type: value?.typeDescription), at: invocation.place("on"))
    }
}
