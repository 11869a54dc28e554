import FinchEngine
import Glibc

/// Inference speed of a digits-sized classifier (64 → 512 → 256 → 10, GELU; random weights from
/// `seed`: the time does not depend on them) beside its compressed forms: int8 weights, 80 %
/// magnitude pruning, 75 % of the neurons pruned, and rank-16 factorisation. Per model: the
/// latency of one example per forward pass and the throughput in batches of 64, each the median
/// of `repeats` timed passes over `examples` examples.
struct CompressBenchmark {
    var threads = 1
    var seed: UInt64 = 7
    var repeats = 5
    var examples = 512
    let features = 64, hidden = [512, 256], classes = 10, batch = 64

    /// Times every model and prints `NAME_latency_us`, `NAME_ex_per_s` and `NAME_parameters`, then
    /// each compressed model's speed-up over the original.
    func run() throws {
        BLAS.setThreads(threads)
        EngineThreads.set(threads)
        var layers: [LayerSpec] = []
        for width in hidden { layers += [.dense(outputs: width), .activation(.gelu)] }
        let spec = ModelSpec(input: .features(width: features), layers: layers + [.dense(outputs: classes)])
        let original = try Model(spec, head: ModelHead(kind: .classify, firstLayer: layers.count), seed: seed)
        let models: [(String, Model)] = [
            ("original", original), ("int8", try original.quantized()), ("sparse80", try original.pruned(sparsity: 0.8)),
            ("neurons75", try original.prunedNeurons(fraction: 0.75)), ("rank16", try original.factorized(rank: 16)),
        ]
        var generator = Xoshiro(seed: seed)
        let data = try Tensor(normal: [examples, features], std: 1, generator: &generator)
        let singles = try (0..<examples).map { try data.sliced(axis: 0, $0..<($0 + 1)) }
        let batches = try stride(from: 0, to: examples, by: batch).map { try data.sliced(axis: 0, $0..<min($0 + batch, examples)) }
        print("threads: \(threads)")
        print("examples: \(examples)")
        var throughputs: [String: Double] = [:], latencies: [String: Double] = [:]
        for (name, model) in models {
            let latency = try median { for x in singles { _ = try model.predict(.features(x)) } } / Double(examples)
            let batched = try median { for x in batches { _ = try model.predict(.features(x)) } }
            latencies[name] = latency
            throughputs[name] = Double(examples) / batched
            figure("\(name)_parameters", Double(model.weightCount))
            figure("\(name)_latency_us", latency * 1e6)
            figure("\(name)_ex_per_s", Double(examples) / batched)
        }
        for (name, _) in models.dropFirst() {
            figure("\(name)_latency_speedup", (latencies["original"] ?? 0) / (latencies[name] ?? 1))
            figure("\(name)_throughput_speedup", (throughputs[name] ?? 0) / (throughputs["original"] ?? 1))
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
