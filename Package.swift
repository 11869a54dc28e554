// swift-tools-version: 6.1
// Finch: a Jupyter kernel for exploring pre-training and fine-tuning of small neural networks.
//
// One target per part; dependencies point one way:
//   FinchEngine ← FinchData ← FinchLanguage → FinchDisplay (the language uses the engine too),
//   finch (executable) → FinchKernel + FinchLanguage;
//   FinchJSON depends on nothing; the kernel, the engine, the language and finch use it.
// The kernel knows nothing of the language: the executable adapts one to the other.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]
/// The engine's hot loops run without bounds checks in release builds and use AVX2/FMA (~5% faster
/// steps), unless FINCH_PORTABLE is set, as the Makefile does on a CPU without them; debug builds
/// keep checks. `CPUFeatures` refuses to run a Haswell build on a CPU that lacks them.
let haswell = (Context.environment["FINCH_PORTABLE"] ?? "").isEmpty
let engineFlags: [SwiftSetting] = haswell
    ? [.unsafeFlags(["-Ounchecked", "-target-cpu", "haswell"], .when(configuration: .release)),
       .define("FINCH_HASWELL", .when(configuration: .release))]
    : [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]

let package = Package(
    name: "Finch",
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries (Debian: libzmq3-dev, libopenblas-dev, libssl-dev, zlib1g-dev).
        .systemLibrary(name: "CZeroMQ", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CLibCrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        // JSON values, parser and serializer; string quoting shared with the language. No Foundation.
        .target(name: "FinchJSON", swiftSettings: strict),
        // The Jupyter kernel: wire protocol, sockets, dispatch. Language-agnostic.
        .target(name: "FinchKernel", dependencies: ["FinchJSON", "CZeroMQ", "CLibCrypto"], swiftSettings: strict),
        // Rendering of results to MIME bundles (text, HTML, SVG). Pure functions.
        .target(name: "FinchDisplay", swiftSettings: strict),
        // The training engine: tensors, autodiff, layers replaceable by path (adapters, compressed layers), objectives,
        // the one training loop, generation, optimisers, checkpoints. Knows no kernel or language.
        .target(name: "FinchEngine", dependencies: ["FinchJSON", "COpenBLAS"], swiftSettings: strict + engineFlags),
        // Data sets, files, tokenizers, seeded splits, built-in data, and the batches the engine trains on.
        .target(name: "FinchData", dependencies: ["FinchEngine", "CZlib"], swiftSettings: strict),
        // The Finch language: lexer, parser, interpreter, commands, typed errors, completion, inspection.
        .target(name: "FinchLanguage", dependencies: ["FinchJSON", "FinchEngine", "FinchData", "FinchDisplay"], swiftSettings: strict),

        // The `finch` program: kernel, installer, script runner; adapts the language to the kernel.
        .executableTarget(
            name: "finch",
            dependencies: [
                "FinchJSON", "FinchKernel", "FinchLanguage", "FinchDisplay", "FinchEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        // Benchmark: a character-level GPT trained on a text file; prints figures, asserts nothing.
        .executableTarget(name: "finch-bench", dependencies: ["FinchEngine"], swiftSettings: strict),

        // What more than one test target uses (a counting cancellation); no product depends on it.
        .target(name: "FinchTestSupport", dependencies: ["FinchEngine"], path: "Tests/FinchTestSupport", swiftSettings: strict),
        .testTarget(name: "FinchJSONTests", dependencies: ["FinchJSON"], swiftSettings: strict),
        .testTarget(name: "FinchKernelTests", dependencies: ["FinchKernel", "FinchJSON"], swiftSettings: strict),
        .testTarget(name: "FinchDisplayTests", dependencies: ["FinchDisplay"], swiftSettings: strict),
        .testTarget(name: "FinchEngineTests", dependencies: ["FinchEngine", "FinchJSON", "FinchTestSupport"], swiftSettings: strict),
        .testTarget(name: "FinchDataTests", dependencies: ["FinchData", "FinchTestSupport"], swiftSettings: strict),
        .testTarget(name: "FinchLanguageTests", dependencies: ["FinchLanguage", "FinchEngine", "FinchData"], exclude: ["Samples"], swiftSettings: strict),
    ]
)
