import FinchData
import FinchEngine

extension Command {
    /// `generate MODEL from PROMPT [length: 100] [temperature: 1] [top_k: N] [top_p: P] [seed: N]`:
    /// text (or token ids) sampled from a language model.
    static let generate = Command(
        name: "generate",
        summary: "Sample a continuation of a prompt from a language model.",
        positional: [Parameter("model", .any, doc: "a model with an lm head", required: true)],
        prepositions: [Parameter("from", .any, doc: "the prompt: text (with the model's tokenizer) or a list of token ids", required: true)],
        keywords: [
            Parameter("length", .number, doc: "how many tokens to generate", default: .number(100)),
            Parameter("temperature", .number, doc: "randomness: 0 always picks the likeliest token, higher is wilder", default: .number(1)),
            Parameter("top_k", .number, doc: "sample only among the k likeliest tokens"),
            Parameter("top_p", .number, doc: "sample only among the fewest likeliest tokens whose probabilities add up to at least p (above 0, at most 1)"),
            Parameter("seed", .number, doc: "the seed of the sampling (default: from the session seed)"),
        ]
    ) { invocation throws(FinchError) in
        let object = try invocation.object("model", ModelObject.self, what: "a model")
        guard object.model.head.kind == .lm, case .tokens(let vocabulary, _) = object.model.spec.input else {
            throw FinchError(.value, "\(object.name) has a \(object.model.head.kind.rawValue) head; generating needs an lm head", at: invocation.place("model"))
        }
        let prompt = invocation.bound("from")?.value ?? .none
        let ids: [Int32]
        let tokenizer = object.tokenizer?.object(TokenizerObject.self)?.tokenizer
        switch prompt {
        case .string(let text):
            guard let tokenizer else {
                throw FinchError(.value, "\(object.name) has no tokenizer to read text; pretrain it with tokenizer:, or give token ids",
                                 at: invocation.place("from"))
            }
            ids = tokenizer.encode(text)
        case .list(let elements):
            guard let numbers = Functions.numbers(in: elements), !numbers.isEmpty,
                  numbers.allSatisfy({ $0 >= 0 && $0 < Double(vocabulary) && $0 == $0.rounded() }) else {
                throw FinchError(.value, "the prompt must be token ids from 0 to \(vocabulary - 1)", at: invocation.place("from"))
            }
            ids = numbers.map { Int32($0) }
        default:
            throw FinchError(.type, "the prompt must be a list of token ids (text prompts need the model's tokenizer), not \(prompt.typeDescription)",
                             at: invocation.place("from"))
        }
        let count = try invocation.integer("length", in: 1...100_000) ?? 100
        let temperature = try invocation.number("temperature", in: 0...100) ?? 1
        let topK = try invocation.integer("top_k", in: 1...vocabulary)
        let topP = try invocation.number("top_p", in: 0...1)
        if topP == 0 { throw FinchError(.value, "'top_p' must be above 0 (1 keeps every token)", at: invocation.place("top_p")) }
        let seed = try invocation.integer("seed", in: 0...Int(UInt32.max)).map(UInt64.init)
            ?? invocation.interpreter.workbench.seed(for: "generate " + object.name)
        // Text is never continued with <pad>, <unk>, <mask> or <bos>: they are markers, not words.
        let isText: Bool = if case .string = prompt { true } else { false }
        let specials: Set<Int32> = isText ? Set(0..<Int32(Tokenizer.specialTokens.count)) : []
        let sampling = Sampling(temperature: Float(temperature), topK: topK, topP: topP.map(Float.init))
        let produced = try InferenceRunner.generate(object, prompt: ids, count: count, sampling: sampling, excluding: specials,
                                                    seed: seed, isInterrupted: { invocation.interpreter.stopRequested() },
                                                    at: invocation.place("model"))
        if case .string(let text) = prompt, let tokenizer { return .string(text + tokenizer.decode(produced, continuing: text)) }
        return .list(produced.map { .number(Double($0)) })
    }
}
