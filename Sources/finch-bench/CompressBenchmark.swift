import FinchEngine
import Glibc

/// Inference speed of a digits-sized classifier (64 → 512 → 256 → 10, GELU; random weights from
/// `seed`: the time does not depend on them) beside its compressed forms: int8 weights, 80 %
/// magnitude pruning, 75 % of the neurons pruned, and rank-16 factorisation; then of a text
/// classifier (vocabulary 1,000, context 64, two Transformer blocks of width 128 with 8 heads)
/// beside it with half and three quarters of its heads pruned. Per model: the latency of one
/// example per forward pass and the throughput in batches, each the median of `repeats` timed
/// passes over `examples` examples.
struct CompressBenchmark {
    var threads = 1
    var seed: UInt64 = 7
    var repeats = 5
    var examples = 512
    let features = 64, hidden = [512, 256], classes = 10, batch = 64
    let vocabulary = 1000, context = 64, width = 128, heads = 8, textBatch = 16

    /// Times every model and prints `NAME_latency_us`, `NAME_ex_per_s` and `NAME_parameters`, then
    /// each compressed model's speed-up over its original.
    func run() throws {
        BLAS.setThreads(threads)
        EngineThreads.set(threads)
        print("threads: \(threads)")
        print("examples: \(examples)")
        try measureDense()
        try measureHeads()
    }

    /// The dense classifier and its int8, sparse, neuron-pruned and factorised forms.
    private func measureDense() throws {
        var layers: [LayerSpec] = []
        for width in hidden { layers += [.dense(outputs: width), .activation(.gelu)] }
        let spec = ModelSpec(input: .features(width: features), layers: layers + [.dense(outputs: classes)])
        let original = try Model(spec, head: ModelHead(kind: .classify, firstLayer: layers.count), seed: seed)
        var generator = Xoshiro(seed: seed)
        let data = try Tensor(normal: [examples, features], std: 1, generator: &generator)
        let singles = try (0..<examples).map { ModelInput.features(try data.sliced(axis: 0, $0..<($0 + 1))) }
        let batches = try stride(from: 0, to: examples, by: batch).map {
            ModelInput.features(try data.sliced(axis: 0, $0..<min($0 + batch, examples)))
        }
        try measure([
            ("original", original), ("int8", try original.quantized()), ("sparse80", try original.pruned(sparsity: 0.8)),
            ("neurons75", try original.prunedNeurons(fraction: 0.75)), ("rank16", try original.factorized(rank: 16)),
        ], singles: singles, batches: batches)
    }

    /// The text classifier and its head-pruned forms, on `examples / 4` random sequences.
    private func measureHeads() throws {
        let spec = ModelSpec(input: .tokens(vocabulary: vocabulary, length: context), layers: [
            .embedding(width: width), .positionalEmbedding, .transformerBlock(heads: heads, causal: false),
            .transformerBlock(heads: heads, causal: false), .layerNorm(), .pool(.mean), .dense(outputs: 2),
        ])
        let original = try Model(spec, head: ModelHead(kind: .classify, firstLayer: 5), seed: seed)
        var generator = Xoshiro(seed: seed)
        let count = max(textBatch, examples / 4)
        let ids = (0..<(count * context)).map { _ in Int32(generator.nextInt(below: vocabulary)) }
        let singles = (0..<count).map { ModelInput.tokens(Array(ids[($0 * context)..<(($0 + 1) * context)]), batch: 1, length: context) }
        let batches = stride(from: 0, to: count, by: textBatch).map { first in
            let rows = min(textBatch, count - first)
            return ModelInput.tokens(Array(ids[(first * context)..<((first + rows) * context)]), batch: rows, length: context)
        }
        try measure([
            ("text_original", original), ("text_heads50", try original.prunedHeads(fraction: 0.5)),
            ("text_heads75", try original.prunedHeads(fraction: 0.75)),
        ], singles: singles, batches: batches)
    }

    /// Prints the figures of `models` (the first is the original) over `singles` one at a time
    /// and over `batches`.
    private func measure(_ models: [(String, Model)], singles: [ModelInput], batches: [ModelInput]) throws {
        var throughputs: [String: Double] = [:], latencies: [String: Double] = [:]
        for (name, model) in models {
            let latency = try median { for x in singles { _ = try model.predict(x) } } / Double(singles.count)
            let batched = try median { for x in batches { _ = try model.predict(x) } }
            latencies[name] = latency
            throughputs[name] = Double(singles.count) / batched
            figure("\(name)_parameters", Double(model.weightCount))
            figure("\(name)_latency_us", latency * 1e6)
            figure("\(name)_ex_per_s", Double(singles.count) / batched)
        }
        let original = models[0].0
        for (name, _) in models.dropFirst() {
            figure("\(name)_latency_speedup", (latencies[original] ?? 0) / (latencies[name] ?? 1))
            figure("\(name)_throughput_speedup", (throughputs[name] ?? 0) / (throughputs[original] ?? 1))
        }
    }

    /// The median seconds of `repeats` runs of `body` (after one untimed warm-up run).
    private func median(_ body: () throws -> Void) throws -> Double {
        try body()
        var seconds: [Double] = []
        for _ in 0..<repeats {
            let start = GemmProfiler.now()
            try body()
            seconds.append(GemmProfiler.now() - start)
        }
        return seconds.sorted()[seconds.count / 2]
    }
}
