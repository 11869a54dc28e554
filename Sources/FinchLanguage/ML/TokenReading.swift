import FinchData

extension ModelObject {
    /// The window length a token model reads `stream` with: `context:` of `invocation`, else the
    /// model's context (less a soft prompt's positions). Refuses a model that reads features, and tokens outside its vocabulary
    /// (an error at the argument `argument`, with `note`).
    func tokenContext(for stream: TokenStream, _ invocation: Invocation, argument: String = "on", note: String) throws(FinchError) -> Int {
        guard case .tokens(let vocabulary, let maxLength) = model.spec.input else {
            throw FinchError(DataReadingFailure.tokensForFeatureModel(model: name), at: invocation.place(argument))
        }
        guard stream.vocabulary <= vocabulary else {
            throw FinchError(DataReadingFailure.tokenVocabulary(tokens: stream.vocabulary, model: name, vocabulary: vocabulary, note: note),
                             at: invocation.place(argument))
        }
        let capacity = max(1, maxLength - model.promptLength)
        return try invocation.integer("context", in: 1...capacity) ?? capacity
    }
}

extension Invocation {
    /// The ids of the whole `corpus` read with `tokenizer`; an interrupt stops the encoding.
    func encode(_ corpus: Corpus, with tokenizer: Tokenizer) throws(FinchError) -> [Int32] {
        do throws(DataError) { return try tokenizer.encode(corpus.text, cancellation: interpreter.cancellation) } catch {
            throw .unlessCancelled(error, at: range, otherwise: FinchError(EngineRefusal.data(error), at: place("on")))
        }
    }
}
