// swift-tools-version: 6.0
import PackageDescription

/// Hot numeric code is optimised even in debug (test) builds: a 135M-parameter forward pass at -Onone is
/// about 45x slower and would make the real-model tests unusable.
let optimized: [SwiftSetting] = [.unsafeFlags(["-O"])]

let package = Package(
    name: "ValueProbe",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "valueprobe", targets: ["ValueProbeCLI"]),
        .library(name: "ValueProbe", targets: ["GGUF", "Tokenizers", "ChatTemplates", "Inference", "Assets", "Statistics", "Models", "Benchmarks", "Probes", "Runs", "Embeddings", "Lexicon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Quantised dot products, activation quantisers and vector primitives in C, with AVX2/FMA/F16C paths
        // chosen at run time and portable scalar fallbacks.
        .target(
            name: "CKernels",
            cSettings: [.unsafeFlags(["-O3", "-fno-math-errno"])]
        ),
        .target(name: "GGUF", dependencies: ["CKernels"], swiftSettings: optimized),
        .target(name: "Tokenizers", dependencies: ["GGUF"], swiftSettings: optimized),
        .target(name: "ChatTemplates"),
        .target(
            name: "Inference",
            dependencies: ["GGUF", "Tokenizers", "ChatTemplates", "CKernels", "Statistics"],
            swiftSettings: optimized
        ),
        .target(name: "Models", dependencies: ["Inference", "Assets"]),
        .target(name: "Benchmarks", dependencies: ["Inference", "Statistics"]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .target(name: "Runs", dependencies: ["Probes", "Models", "Statistics", "CSQLite"], swiftSettings: optimized),
        .target(name: "Lexicon", dependencies: ["Assets", "Statistics"], swiftSettings: optimized),
        .target(
            name: "Embeddings",
            dependencies: ["Tokenizers", "Inference", "CKernels", "Statistics", "Assets", "GGUF", "CZlib", "Lexicon"],
            swiftSettings: optimized
        ),
        .target(name: "Assets", dependencies: ["CZlib"], swiftSettings: optimized),
        .target(name: "Statistics", swiftSettings: optimized),
        .target(name: "Probes", dependencies: ["Assets", .product(name: "Yams", package: "Yams")], resources: [.copy("Suites")]),
        .executableTarget(
            name: "ValueProbeCLI",
            dependencies: [
                "GGUF", "Tokenizers", "ChatTemplates", "Inference", "Assets", "Statistics", "Models", "Benchmarks", "Probes", "Runs", "Embeddings", "Lexicon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CKernelsTests", dependencies: ["CKernels", "GGUF"]),
        .testTarget(name: "GGUFTests", dependencies: ["GGUF", "Assets"]),
        .testTarget(name: "TokenizersTests", dependencies: ["Tokenizers", "GGUF", "Assets"]),
        .testTarget(name: "ChatTemplatesTests", dependencies: ["ChatTemplates"]),
        .testTarget(name: "InferenceTests", dependencies: ["Inference", "GGUF", "Tokenizers", "Assets"]),
        .testTarget(name: "AssetsTests", dependencies: ["Assets"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models"]),
        .testTarget(name: "ProbesTests", dependencies: ["Probes"]),
        .testTarget(name: "RunsTests", dependencies: ["Runs", "Probes", "Models", "Statistics"]),
        .testTarget(name: "LexiconTests", dependencies: ["Lexicon", "Assets"]),
        .testTarget(name: "EmbeddingsTests", dependencies: ["Embeddings", "Lexicon", "Assets", "Statistics"]),
    ]
)
