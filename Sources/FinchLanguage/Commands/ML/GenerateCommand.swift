#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FinchData
import FinchDisplay
import FinchEngine

extension Command {
    /// `generate MODEL from PROMPT [length: 100] [temperature: 1] [top_k: N] [top_p: P] [seed: N]
    /// [stop: TEXT|[TEXT, …]] [samples: N] [logprobs: true]`: text (or token ids) sampled from a
    /// language model; several samples as a table, one per row; or a table of each token's
    /// log-probability.
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
            Parameter("stop", .any, doc: "a text prompt: a string, or a list of them, that ends the generation (left out of the text)"),
            Parameter("samples", .number, doc: "how many independent samples (seeds seed, seed + 1, …), shown one per row", default: .number(1)),
            Parameter("logprobs", .bool, doc: "show a table of each generated token and its log-probability, and their sum", default: .bool(false)),
        ]
    ) { invocation throws(FinchError) in
        let object = try invocation.object("model", ModelObject.self, what: "a model")
        guard object.model.head.kind == .lm, case .tokens(let vocabulary, _) = object.model.spec.input else {
            throw FinchError(GenerationCommandFailure.notALanguageModel(model: object.name, head: object.model.head.kind), at: invocation.place("model"))
        }
        let prompt = invocation.bound("from")?.value ?? .none
        let ids: [Int32]
        let tokenizer = object.tokenizer?.object(TokenizerObject.self)?.tokenizer
        switch prompt {
        case .string(let text):
            guard let tokenizer else {
                throw FinchError(GenerationCommandFailure.noTokenizer(model: object.name), at: invocation.place("from"))
            }
            ids = tokenizer.encode(text)
        case .list(let elements):
            guard let numbers = Functions.numbers(in: elements), !numbers.isEmpty,
                  numbers.allSatisfy({ $0 >= 0 && $0 < Double(vocabulary) && $0 == $0.rounded() }) else {
                throw FinchError(GenerationCommandFailure.tokenOutOfRange(vocabulary: vocabulary), at: invocation.place("from"))
            }
            ids = numbers.map { Int32($0) }
        default:
            throw FinchError(GenerationCommandFailure.promptType(type: prompt.typeDescription), at: invocation.place("from"))
        }
        let count = try invocation.integer("length", in: 1...100_000) ?? 100
        let temperature = try invocation.number("temperature", in: 0...100) ?? 1
        let topK = try invocation.integer("top_k", in: 1...vocabulary)
        let topP = try invocation.number("top_p", in: 0...1)
        if topP == 0 { throw FinchError(GenerationCommandFailure.topPZero, at: invocation.place("top_p")) }
        let seed = try invocation.integer("seed", in: 0...Int(UInt32.max)).map(UInt64.init)
            ?? invocation.interpreter.workbench.seed(for: "generate " + object.name)
        // Text is never continued with <pad>, <unk>, <mask> or <bos>: they are markers, not words.
        let isText: Bool = if case .string = prompt { true } else { false }
        let specials: Set<Int32> = isText ? Set(0..<Int32(Tokenizer.specialTokens.count)) : []
        let sampling = Sampling(temperature: Float(temperature), topK: topK, topP: topP.map(Float.init))
        let stops = try generationStops(isText: isText, invocation)
        let samples = try invocation.integer("samples", in: 1...1000) ?? 1
        let showsLogProbabilities = invocation.flag("logprobs") ?? false
        if samples > 1, showsLogProbabilities {
            throw FinchError(GenerationCommandFailure.logprobsOfSamples, at: invocation.place("logprobs"))
        }
        let continuations = try (0..<samples).map { sample throws(FinchError) in
            let produced = try InferenceRunner.generate(object, prompt: ids, count: count, sampling: sampling, excluding: specials,
                                                        seed: seed &+ UInt64(sample), isInterrupted: { invocation.interpreter.stopRequested() },
                                                        isDone: { !stops.strings.isEmpty && stops.cut(continuation($0)) != nil },
                                                        at: invocation.place("model"))
            return stops.trimmed(continuation(produced.map(\.id)), produced)
        }
        func continuation(_ tokens: [Int32]) -> String {
            guard case .string(let text) = prompt, let tokenizer else { return tokens.map { String($0) }.joined(separator: " ") }
            return tokenizer.decode(tokens, continuing: text)
        }
        if showsLogProbabilities { return .wrap(logProbabilityTable(continuations[0].tokens, tokenizer: isText ? tokenizer : nil)) }
        if samples > 1 {
            let header = if case .string(let text) = prompt { text } else { "" }
            let table = Table(columns: [Column("sample", format: .count), "text"],
                              rows: continuations.enumerated().map { [.number(Double($0.offset + 1)), .text(visible(header + $0.element.text))] },
                              caption: "\(samples) samples from \(object.name) (seeds \(seed) to \(seed &+ UInt64(samples - 1)))")
            return .wrap(TableObject(table, name: "samples"))
        }
        if case .string(let text) = prompt { return .string(text + continuations[0].text) }
        return .list(continuations[0].tokens.map { .number(Double($0.id)) })
    }

    /// `text` for a table cell: line breaks and tabs shown as `\n` and `\t`.
    private static func visible(_ text: String) -> String {
        text.replacing("\n", with: "\\n").replacing("\t", with: "\\t")
    }

    /// The stop strings of `stop:`, which only a text prompt may have.
    private static func generationStops(isText: Bool, _ invocation: Invocation) throws(FinchError) -> StopStrings {
        guard let stops = try invocation.strings("stop") else { return StopStrings(strings: []) }
        guard isText else {
            throw FinchError(GenerationCommandFailure.stopAfterTokenIDs, at: invocation.place("stop"))
        }
        if stops.contains("") { throw FinchError(GenerationCommandFailure.emptyStop, at: invocation.place("stop")) }
        return StopStrings(strings: stops)
    }

    /// A table of each generated token (its text, or its id without a tokenizer) and its
    /// log-probability, with their sum in the caption.
    private static func logProbabilityTable(_ tokens: [GeneratedToken], tokenizer: Tokenizer?) -> TableObject {
        let rows: [[Cell]] = tokens.enumerated().map { index, token in
            [.number(Double(index + 1)), .number(Double(token.id)), .text(visible(tokenizer?.decode([token.id]) ?? String(token.id))),
             .number(token.logProbability), .number(exp(token.logProbability))]
        }
        let sum = tokens.map(\.logProbability).reduce(0, +)
        let table = Table(columns: [Column("step", format: .count), Column("id", format: .count), "token", "log-probability", "probability"], rows: rows,
                          caption: "log-probability of the \(tokens.count) tokens: \(NumberFormat.standard.string(sum)) in all")
        return TableObject(table, name: "logprobs")
    }
}
