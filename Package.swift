// swift-tools-version: 6.1
// Finch: a Jupyter kernel for exploring pre-training and fine-tuning of small neural networks.
//
// One target per part; dependencies point one way:
//   FinchEngine ← FinchLanguage → FinchDisplay,  finch (executable) → FinchKernel + FinchLanguage.
// The kernel knows nothing of the language: the executable adapts one to the other.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Finch",
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries (Debian: libzmq3-dev, libopenblas-dev, libssl-dev).
        .systemLibrary(name: "CZeroMQ", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CLibCrypto", providers: [.apt(["libssl-dev"])]),

        // The Jupyter kernel: wire protocol, sockets, dispatch. Language-agnostic.
        .target(name: "FinchKernel", dependencies: ["CZeroMQ", "CLibCrypto"], swiftSettings: strict),
        // Rendering of results to MIME bundles (text, HTML, SVG). Pure functions.
        .target(name: "FinchDisplay", swiftSettings: strict),
        // The Finch language: lexer, parser, interpreter, completion, inspection.
        .target(name: "FinchLanguage", dependencies: ["FinchDisplay"], swiftSettings: strict),

        // The `finch` program: kernel, installer, script runner; adapts the language to the kernel.
        .executableTarget(
            name: "finch",
            dependencies: [
                "FinchKernel", "FinchLanguage", "FinchDisplay",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),

        .testTarget(name: "FinchKernelTests", dependencies: ["FinchKernel"], swiftSettings: strict),
        .testTarget(name: "FinchDisplayTests", dependencies: ["FinchDisplay"], swiftSettings: strict),
        .testTarget(name: "FinchLanguageTests", dependencies: ["FinchLanguage"], exclude: ["Samples"], swiftSettings: strict),
    ]
)
