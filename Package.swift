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
        .library(name: "ValueProbe", targets: ["GGUF", "Tokenizers", "ChatTemplates", "Inference", "Assets", "Statistics", "Models", "Benchmarks", "Probes", "Runs", "Embeddings", "Lexicon", "Reports", "Serving", "Viewer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
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
        .target(name: "Models", dependencies: ["Inference", "Assets", "ChatTemplates"]),
        .target(name: "Benchmarks", dependencies: ["Inference", "ChatTemplates", "Statistics", "Models", "Serving", "Runs", "Probes", "Embeddings", "Lexicon", "Assets"]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .target(
            name: "Runs", dependencies: ["Probes", "Models", "Statistics", "CSQLite", "Assets", "Embeddings", "ChatTemplates", "Inference"],
            resources: [.copy("Resources")], swiftSettings: optimized
        ),
        .target(name: "Lexicon", dependencies: ["Assets", "Statistics"], swiftSettings: optimized),
        .target(
            name: "Embeddings",
            dependencies: ["Tokenizers", "Inference", "CKernels", "Statistics", "Assets", "GGUF", "CZlib", "Lexicon"],
            swiftSettings: optimized
        ),
        .target(name: "Assets", dependencies: ["CZlib"], swiftSettings: optimized),
        .target(name: "Statistics", swiftSettings: optimized),
        .target(name: "Probes", dependencies: ["Assets", .product(name: "Yams", package: "Yams")], resources: [.copy("Suites"), .copy("Outcomes")]),
        // Self-contained HTML/Markdown/CSV/JSON reports of runs and embedding analyses, SVG charts, paired run diffs.
        .target(name: "Reports", dependencies: ["Runs", "Probes", "Embeddings", "Lexicon", "Statistics", "Assets"]),
        // `valueprobe serve`: an OpenAI-compatible HTTP server over the embedded engine's continuous batch.
        .target(
            name: "Serving",
            dependencies: [
                "Inference", "Models", "Embeddings", "Assets", "ChatTemplates", "Tokenizers",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // `valueprobe view`: a local web app and JSON API over the run store.
        .target(
            name: "Viewer",
            dependencies: [
                "Runs", "Reports", "Probes",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Web")]
        ),
        // Headless-browser checks shared by the report and viewer tests (not part of the product).
        .target(name: "BrowserTesting", dependencies: ["Assets"]),
        .executableTarget(
            name: "ValueProbeCLI",
            dependencies: [
                "GGUF", "Tokenizers", "ChatTemplates", "Inference", "Assets", "Statistics", "Models", "Benchmarks", "Probes", "Runs", "Embeddings", "Lexicon",
                "Reports", "Serving", "Viewer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "CKernelsTests", dependencies: ["CKernels", "GGUF"]),
        .testTarget(name: "GGUFTests", dependencies: ["GGUF", "Assets"]),
        .testTarget(name: "TokenizersTests", dependencies: ["Tokenizers", "GGUF", "Assets"]),
        .testTarget(name: "ChatTemplatesTests", dependencies: ["ChatTemplates"]),
        .testTarget(name: "InferenceTests", dependencies: ["Inference", "GGUF", "Tokenizers", "Assets", "ChatTemplates", "CKernels"]),
        .testTarget(name: "AssetsTests", dependencies: ["Assets", "CZlib"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Inference", "ChatTemplates"]),
        .testTarget(
            name: "ProbesTests", dependencies: ["Probes", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "RunsTests", dependencies: ["Runs", "Probes", "Models", "Statistics", "Embeddings", "ChatTemplates", "Assets", "Inference"]),
        .testTarget(name: "LexiconTests", dependencies: ["Lexicon", "Assets"]),
        .testTarget(name: "EmbeddingsTests", dependencies: ["Embeddings", "Lexicon", "Assets", "Statistics", "GGUF", "CKernels", "CZlib"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Runs", "Probes", "Models", "Statistics", "Embeddings", "Lexicon", "BrowserTesting"]),
        .testTarget(
            name: "ServingTests",
            dependencies: ["Serving", "Inference", "Models", "Assets", "Runs", "Probes", "Embeddings", "ChatTemplates",
                           .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .testTarget(name: "ValueProbeCLITests", dependencies: [
            "ValueProbeCLI", "Reports", "Inference", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ViewerTests", dependencies: ["Viewer", "Reports", "Runs", "Probes", "Assets", "BrowserTesting"]),
    ]
)
