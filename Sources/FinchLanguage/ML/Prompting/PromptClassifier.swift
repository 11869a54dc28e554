import FinchData
import FinchEngine

/// Classifying a text by the label whose verbaliser a language model finds likeliest after a
/// prompt: the demonstrations (each the template on a labelled text followed by its label's
/// verbaliser, then the separator), then the template on the text. Verbaliser tokens follow the
/// template's tokens directly: a character tokenizer's template ends with the space it wants.
struct PromptClassifier {
    /// The model's scorer.
    let generator: Generator
    /// Reads prompts and verbalisers.
    let tokenizer: Tokenizer
    /// The prompt around each text.
    let template: PromptTemplate
    /// Each class's verbaliser, in class order.
    let verbalisers: PromptVerbalisers
    /// What follows each demonstration.
    let separator: String

    /// Positions a verbaliser adds after its prompt, beyond the prompt's own: all its tokens but the last.
    var verbaliserPositions: Int { (verbalisers.tokens.map(\.count).max() ?? 1) - 1 }

    /// The tokens of the demonstration of `text` labelled `label`: the prompt on it, the label's
    /// verbaliser tokens right after it (as they are scored), then the separator.
    func demonstration(_ text: String, label: Int) -> [Int32] {
        tokenizer.encode(template.render(text)) + verbalisers.tokens[label] + tokenizer.encode(separator)
    }

    /// The length-normalised log-likelihood of each class's verbaliser after `prompt`, minus
    /// `prior` (the same scores after a content-free prompt) when given.
    func scores(after prompt: [Int32], minus prior: [Double]? = nil) throws(GenerationError) -> [Double] {
        let means = try generator.score(verbalisers.tokens, after: prompt).map(\.mean)
        guard let prior else { return means }
        return zip(means, prior).map { $0 - $1 }
    }
}
