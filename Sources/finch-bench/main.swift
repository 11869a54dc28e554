import FinchEngine
import Glibc

// finch-bench gpt --text FILE [--steps N] [--threads T] [--seed S]
// finch-bench gemm   (OpenBLAS GFLOP/s for each product shape of the GPT step)
// finch-bench checkpoint-write FILE | checkpoint-read FILE   (fixtures for the Python interop test)
// Prints figures as `name: value` lines; asserts nothing.

/// Parses the command line into a benchmark.
func parse(_ arguments: [String]) throws(BenchError) -> GPTBenchmark {
    let usage = "usage: finch-bench gpt --text FILE [--steps N] [--threads T] [--seed S]"
    guard arguments.first == "gpt" else { throw .usage(usage) }
    var options: [String: String] = [:]
    var rest = arguments.dropFirst()
    while let flag = rest.popFirst() {
        guard flag.hasPrefix("--"), let value = rest.popFirst() else { throw .usage(usage) }
        options[String(flag.dropFirst(2))] = value
    }
    guard let text = options.removeValue(forKey: "text") else { throw .usage(usage) }
    var benchmark = GPTBenchmark(textPath: text)
    if let steps = options.removeValue(forKey: "steps") {
        guard let n = Int(steps), n > 0 else { throw .usage("--steps needs a positive integer") }
        benchmark.steps = n
    }
    if let threads = options.removeValue(forKey: "threads") {
        guard let n = Int(threads), n > 0 else { throw .usage("--threads needs a positive integer") }
        benchmark.threads = n
    }
    if let seed = options.removeValue(forKey: "seed") {
        guard let n = UInt64(seed) else { throw .usage("--seed needs a non-negative integer") }
        benchmark.seed = n
    }
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
    default: try parse(arguments).run()
    }
} catch {
    print("finch-bench: \(error)")
    exit(2)
}
