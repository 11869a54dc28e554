import FinchEngine
import Glibc

/// Generation speed of nanoGPT's small CPU configuration (context 64, 4 layers, 4 heads, width
/// 128, character vocabulary of the text), with Finch's initial weights from `seed` (the time
/// does not depend on the weights): 500 tokens at temperature 1 after a 64-token prompt (the
/// first 64 characters of the validation text), `repeats` times.
struct GenerateBenchmark {
    var textPath: String
    var tokens = 500
    var threads = 2
    var seed: UInt64 = 1337
    var repeats = 5
    let length = 64, depth = 4, heads = 4, width = 128

    /// Times the generations under both context slides and prints the figures.
    func run() throws {
        BLAS.setThreads(threads)
        EngineThreads.set(threads)
        guard let corpus = TextCorpus(path: textPath) else { throw BenchError.unreadable(textPath) }
        let spec = ModelSpec.gpt(vocabulary: corpus.vocabulary.count, context: length, depth: depth, heads: heads,
                                 width: width, dropout: 0, bias: false, tied: true)
        let model = try Model(spec, seed: seed)
        let prompt = Array(corpus.validation.prefix(length))
        print("vocabulary: \(corpus.vocabulary.count)")
        print("parameters: \(model.parameterCount)")
        print("context: \(length)")
        print("prompt_tokens: \(prompt.count)")
        print("new_tokens: \(tokens)")
        print("threads: \(threads)")
        // `half`: past the context, the last 32 tokens run again, then one position per token.
        // `window`: every token past the context runs the last 64 again (nanoGPT's work).
        for (slide, suffix) in [(ContextSlide.half, ""), (.window, "_full_window")] {
            var milliseconds: [Double] = []
            for repeatIndex in 0..<repeats {
                let start = GemmProfiler.now()
                let generator = try Generator(model: model)
                let produced = try generator.generate(prompt: prompt, count: tokens, sampling: Sampling(temperature: 1),
                                                      seed: seed &+ UInt64(repeatIndex), slide: slide)
                milliseconds.append((GemmProfiler.now() - start) * 1000)
                precondition(produced.count == tokens)
            }
            let median = milliseconds.sorted()[milliseconds.count / 2]
            figure("ms_per_token" + suffix, median / Double(tokens))
            figure("tokens_per_s" + suffix, Double(tokens) / (median / 1000))
        }
        figure("peak_rss_mib", peakResidentMiB())
    }
}
