import Assets
import Foundation
import Inference
import Tokenizers

/// A sentence-transformers BERT encoder run in Swift: all-MiniLM-L6-v2 by default (384-d).
///
/// Texts are WordPiece-tokenised (`[CLS] … [SEP]`, cut to ``maxSequenceLength`` tokens), run through the
/// encoder in batches of similar length on a pool of threads, mean-pooled over their tokens and scaled to unit
/// length, as `SentenceTransformer.encode` does. A text's vector does not depend on the batch it is in.
///
/// Calls are serialised (the thread pool runs one job at a time); the object is safe to share.
public final class SentenceEncoder: @unchecked Sendable {
    /// The model's configuration (sizes, epsilon, maximum length, normalisation).
    public let configuration: BertConfiguration
    public let tokenizer: WordPieceTokenizer
    /// Number of threads used (the caller's thread included).
    public let threadCount: Int
    /// Where the model was read from.
    public let directory: URL

    /// Longest input in tokens, [CLS] and [SEP] included; longer texts are cut (256 for MiniLM).
    public var maxSequenceLength: Int { configuration.maxSequenceLength }
    /// Length of the vectors.
    public var dimension: Int { configuration.hiddenSize }

    /// Most tokens evaluated together in one batch.
    static let batchTokenBudget = 2048

    private let encoder: BertEncoder
    private let pool: WorkerPool
    private let workspace = BertWorkspace()
    private let lock = NSLock()
    private var fingerprintValue: String?

    /// Loads a sentence-transformers model directory (`config.json`, `model.safetensors`, `vocab.txt`, and
    /// the optional `sentence_bert_config.json`, `modules.json`, `1_Pooling/config.json`).
    /// - Parameter threads: worker threads; defaults to the number of available cores.
    /// - Parameter maxSequenceLength: overrides the model's own limit (clamped to its position table).
    public init(directory: URL, threads: Int? = nil, maxSequenceLength: Int? = nil) throws {
        var config = try BertConfiguration(directory: directory)
        if let maxSequenceLength {
            guard maxSequenceLength >= 2 else { throw EmbeddingError.invalid("maxSequenceLength must be at least 2, got \(maxSequenceLength)") }
            config.maxSequenceLength = min(maxSequenceLength, config.maxPositionEmbeddings)
        }
        let file = try SafetensorsFile(path: directory.appendingPathComponent("model.safetensors").path)
        encoder = BertEncoder(config: config, weights: try BertWeights(file: file, config: config))
        tokenizer = try WordPieceTokenizer(vocabFile: directory.appendingPathComponent("vocab.txt").path)
        guard tokenizer.vocabularySize <= config.vocabularySize else {
            throw EmbeddingError.malformed("\(directory.path)/vocab.txt: \(tokenizer.vocabularySize) tokens, but the model has \(config.vocabularySize) embeddings")
        }
        configuration = config
        self.directory = directory
        threadCount = max(1, threads ?? WorkerPool.availableCores)
        pool = WorkerPool(threads: threadCount)
    }

    /// all-MiniLM-L6-v2 from the asset store (fetched on first use).
    public static func miniLM(store: AssetStore = AssetStore(), threads: Int? = nil,
                              progress: AssetProgressHandler? = nil) throws -> SentenceEncoder {
        let model = try store.path("minilm", file: "model.safetensors", progress: progress)
        return try SentenceEncoder(directory: model.deletingLastPathComponent(), threads: threads)
    }

    /// Token ids of `text` as the encoder sees them: `[CLS] … [SEP]`, at most ``maxSequenceLength`` long.
    public func tokenize(_ text: String) -> [Int32] {
        tokenizer.encode(text, addSpecialTokens: true, maxLength: maxSequenceLength)
    }

    /// One vector per text, in the order given.
    public func encode(_ texts: [String]) throws -> [[Float]] {
        let sequences = texts.map(tokenize)
        // Longest first (as sentence-transformers), then batches of at most `batchTokenBudget` tokens.
        let order = sequences.indices.sorted { (sequences[$0].count, $1) > (sequences[$1].count, $0) }
        var result = [[Float]](repeating: [], count: texts.count)
        lock.lock()
        defer { lock.unlock() }
        var b = 0
        while b < order.count {
            var e = b
            var tokens = 0
            while e < order.count, e == b || tokens + sequences[order[e]].count <= Self.batchTokenBudget {
                tokens += sequences[order[e]].count
                e += 1
            }
            let batch = order[b ..< e].map { sequences[$0] }
            let vectors = encoder.pooledVectors(batch, pool: pool, workspace: workspace)
            for (k, i) in order[b ..< e].enumerated() { result[i] = vectors[k] }
            b = e
        }
        return result
    }

    /// One text's vector.
    public func encode(_ text: String) throws -> [Float] {
        try encode([text])[0]
    }

    /// A hash of the model's contents (`config.json`, `vocab.txt`, `model.safetensors`; 16 hex digits), computed on
    /// first use: it keys caches of vectors this encoder computed.
    public func fingerprint() throws(EmbeddingError) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let fingerprintValue { return fingerprintValue }
        var hash = ContentHash()
        for file in ["config.json", "vocab.txt", "model.safetensors"] {
            hash.add(file)
            try hash.add(fileAt: directory.appendingPathComponent(file))
        }
        fingerprintValue = hash.hex
        return hash.hex
    }

    /// A vector space of `words` (each encoded as a one-word sentence), named `name`.
    public func space(words: [String], name: String = "minilm") throws -> VectorSpace {
        let vectors = try encode(words)
        return try VectorSpace(name: name, words: words, vectors: vectors.flatMap { $0 }, dimension: dimension)
    }
}
