import Assets
import Foundation
import Synchronization

/// Turns ``SpaceSpec``s into loaded ``VectorSpace``s.
///
/// Files and the GloVe asset load here. Spaces built by other parts of ValueProbe (the MiniLM encoder, an LLM's
/// token embeddings, trained word2vec/LSA models) plug in through ``register(prefix:loader:)`` without editing
/// this file: `minilm` resolves through the loader registered for prefix `minilm`, `tokens:SPEC` through
/// `tokens`, `w2v:PATH` / `lsa:PATH` through `w2v` / `lsa` (falling back to reading PATH as a vector file when
/// nothing is registered), and `PREFIX:ARG` through `PREFIX`.
public struct SpaceResolver: Sendable {
    /// What a loader gets besides its argument.
    public struct Context: Sendable {
        public let store: AssetStore
        /// Words the analysis will look up (queries, benchmark pairs, word sets): spaces that embed words on
        /// demand (sentence encoders) should at least cover these.
        public let words: [String]
        public let progress: (@Sendable (AssetProgress) -> Void)?
    }

    /// Builds a space from the part of the spec after `PREFIX:` (empty for a bare name such as `minilm`).
    public typealias Loader = @Sendable (_ argument: String, _ context: Context) throws -> VectorSpace

    private static let registry = Mutex<[String: Loader]>([:])

    /// Registers (or replaces) the loader for `prefix` (case-insensitive).
    public static func register(prefix: String, loader: @escaping Loader) {
        registry.withLock { $0[prefix.lowercased()] = loader }
    }

    /// The registered prefixes, sorted.
    public static var registeredPrefixes: [String] {
        registry.withLock { $0.keys.sorted() }
    }

    static func loader(for prefix: String) -> Loader? {
        registry.withLock { $0[prefix.lowercased()] }
    }

    public let store: AssetStore
    public let words: [String]
    public let progress: (@Sendable (AssetProgress) -> Void)?

    public init(store: AssetStore = AssetStore(), words: [String] = [], progress: (@Sendable (AssetProgress) -> Void)? = nil) {
        self.store = store
        self.words = words
        self.progress = progress
    }

    /// Parses and loads `spec` with the default asset store, reporting nothing (for commands that need one space).
    public static func load(_ spec: String, words: [String] = []) throws -> VectorSpace {
        try SpaceResolver(words: words).resolve(spec)
    }

    /// Parses and loads `text`.
    public func resolve(_ text: String) throws -> VectorSpace {
        try resolve(SpaceSpec(parsing: text))
    }

    /// Loads `spec`.
    public func resolve(_ spec: SpaceSpec) throws -> VectorSpace {
        let context = Context(store: store, words: words, progress: progress)
        switch spec {
        case .glove:
            return try PretrainedSpaces.glove6B50d(store: store, progress: progress)
        case .file(let path, let format, let vocabulary):
            let url = URL(fileURLWithPath: path)
            guard FileManager.default.fileExists(atPath: url.path) else { throw EmbeddingError.io("\(path): no such file") }
            return try VectorFile.load(url, format: format, vocabulary: vocabulary.map { URL(fileURLWithPath: $0) })
        case .minilm:
            if let loader = Self.loader(for: "minilm") { return try loader("", context) }
            return try BuiltinSpaces.miniLM(context)
        case .tokens(let model):
            if let loader = Self.loader(for: "tokens") { return try loader(model, context) }
            return try BuiltinSpaces.tokens(model, context)
        case .trained(let method, let path):
            if let loader = Self.loader(for: method) { return try loader(path, context) }
            let url = URL(fileURLWithPath: path)
            guard FileManager.default.fileExists(atPath: url.path) else { throw EmbeddingError.io("\(path): no such file") }
            return try VectorFile.load(url, name: "\(method):\(url.lastPathComponent)")
        case .registered(let prefix, let argument):
            guard let loader = Self.loader(for: prefix) else {
                throw EmbeddingError.invalid("no loader registered for space prefix '\(prefix)'; use one of: \(SpaceSpec.forms)")
            }
            return try loader(argument, context)
        }
    }
}
