import FinchEngine
import Glibc

// finch-bench gpt --text FILE [--steps N] [--threads T] [--seed S]
// finch-bench generate --text FILE [--tokens N] [--threads T] [--seed S] [--repeats R]
// finch-bench compress [--threads T] [--repeats R] [--examples N]   (inference of a classifier and its compressed forms)
// finch-bench gemm   (OpenBLAS GFLOP/s for each product shape of the GPT step)
// finch-bench checkpoint-write FILE | checkpoint-read FILE   (fixtures for the Python interop test)
// Prints figures as `name: value` lines; asserts nothing.

/// Parses `--name value` flags into their values.
func options(_ flags: ArraySlice<String>, usage: String) throws(BenchError) -> [String: String] {
    var options: [String: String] = [:]
    var rest = flags
    while let flag = rest.popFirst() {
        guard flag.hasPrefix("--"), let value = rest.popFirst() else { throw .usage(usage) }
        options[String(flag.dropFirst(2))] = value
    }
    return options
}

/// Removes `--name` from `options` as a positive integer, if given.
func positive(_ name: String, _ options: inout [String: String]) throws(BenchError) -> Int? {
    guard let text = options.removeValue(forKey: name) else { return nil }
    guard let n = Int(text), n > 0 else { throw .usage("--\(name) needs a positive integer") }
    return n
}

/// Removes `--seed` from `options`, if given.
func seed(_ options: inout [String: String]) throws(BenchError) -> UInt64? {
    guard let text = options.removeValue(forKey: "seed") else { return nil }
    guard let n = UInt64(text) else { throw .usage("--seed needs a non-negative integer") }
    return n
}

/// Parses `gpt …` into the training benchmark.
func parseGPT(_ arguments: ArraySlice<String>) throws(BenchError) -> GPTBenchmark {
    let usage = "usage: finch-bench gpt --text FILE [--steps N] [--threads T] [--seed S]"
    var options = try options(arguments, usage: usage)
    guard let text = options.removeValue(forKey: "text") else { throw .usage(usage) }
    var benchmark = GPTBenchmark(textPath: text)
    if let n = try positive("steps", &options) { benchmark.steps = n }
    if let n = try positive("threads", &options) { benchmark.threads = n }
    if let n = try seed(&options) { benchmark.seed = n }
    guard options.isEmpty else { throw .usage("unknown option --\(options.keys.sorted()[0])\n\(usage)") }
    return benchmark
}

/// Parses `generate …` into the generation benchmark.
func parseGenerate(_ arguments: ArraySlice<String>) throws(BenchError) -> GenerateBenchmark {
    let usage = "usage: finch-bench generate --text FILE [--tokens N] [--threads T] [--seed S] [--repeats R]"
    var options = try options(arguments, usage: usage)
    guard let text = options.removeValue(forKey: "text") else { throw .usage(usage) }
    var benchmark = GenerateBenchmark(textPath: text)
    if let n = try positive("tokens", &options) { benchmark.tokens = n }
    if let n = try positive("threads", &options) { benchmark.threads = n }
    if let n = try positive("repeats", &options) { benchmark.repeats = n }
    if let n = try seed(&options) { benchmark.seed = n }
    guard options.isEmpty else { throw .usage("unknown option --\(options.keys.sorted()[0])\n\(usage)") }
    return benchmark
}

/// Parses `compress …` into the inference benchmark of compressed models.
func parseCompress(_ arguments: ArraySlice<String>) throws(BenchError) -> CompressBenchmark {
    let usage = "usage: finch-bench compress [--threads T] [--repeats R] [--examples N] [--seed S]"
    var options = try options(arguments, usage: usage)
    var benchmark = CompressBenchmark()
    if let n = try positive("threads", &options) { benchmark.threads = n }
    if let n = try positive("repeats", &options) { benchmark.repeats = n }
    if let n = try positive("examples", &options) { benchmark.examples = n }
    if let n = try seed(&options) { benchmark.seed = n }
    guard options.isEmpty else { throw .usage("unknown option --\(options.keys.sorted()[0])\n\(usage)") }
    return benchmark
}

do {
    if let problem = CPUFeatures.problem(missing: CPUFeatures.missing()) { throw BenchError.unsupportedProcessor(problem) }
    let arguments = Array(CommandLine.arguments.dropFirst())
    switch (arguments.first, arguments.count) {
    case ("gemm", 1): gemmShapes()
    case ("checkpoint-write", 2): try writeCheckpoint(path: arguments[1])
    case ("checkpoint-read", 2): try readCheckpoint(path: arguments[1])
    case ("generate", _): try parseGenerate(arguments.dropFirst()).run()
    case ("gpt", _): try parseGPT(arguments.dropFirst()).run()
    case ("compress", _): try parseCompress(arguments.dropFirst()).run()
    default: throw BenchError.usage("usage: finch-bench gpt|generate|compress|gemm|checkpoint-write|checkpoint-read …")
    }
} catch {
    print("finch-bench: \(error)")
    exit(2)
}
