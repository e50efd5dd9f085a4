import Assets
import Dispatch
import Embeddings
import Foundation
import Synchronization

/// Sentence vectors for `/v1/embeddings`.
public protocol EmbeddingService: Sendable {
    /// The id clients name in `model`.
    var modelID: String { get }
    /// Other names accepted for the same model.
    var aliases: [String] { get }
    /// Length of the vectors.
    var dimension: Int { get }
    /// One unit vector per text, and the number of tokens read.
    func embed(_ texts: [String]) async throws -> (vectors: [[Float]], tokens: Int)
}

/// all-MiniLM-L6-v2 (384-d, mean pooled, unit length), loaded from the asset store on first use and run on a
/// queue of its own so the encoder's threads never hold the server's.
public final class MiniLMEmbeddingService: EmbeddingService {
    public let modelID = "all-minilm-l6-v2"
    public let aliases = ["minilm", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"]
    public let dimension = 384
    private let threads: Int?
    private let store: AssetStore
    private let encoder = Mutex<SentenceEncoder?>(nil)
    private let queue = DispatchQueue(label: "valueprobe.serve.embeddings")

    /// - Parameter threads: encoder threads (default: all cores).
    public init(store: AssetStore = AssetStore(), threads: Int? = nil) {
        self.store = store
        self.threads = threads
    }

    private func loaded() throws -> SentenceEncoder {
        if let e = encoder.withLock({ $0 }) { return e }
        let e = try SentenceEncoder.miniLM(store: store, threads: threads)
        encoder.withLock { $0 = e }
        return e
    }

    /// Loads the encoder now (fetching it if needed) instead of on the first request.
    public func preload() throws { _ = try loaded() }

    /// Starts loading the encoder on the service's queue; the first request waits for it there. A failure is
    /// reported by that request.
    public func preloadInBackground() {
        queue.async { _ = try? self.loaded() }
    }

    public func embed(_ texts: [String]) async throws -> (vectors: [[Float]], tokens: Int) {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    let e = try self.loaded()
                    let tokens = texts.reduce(0) { $0 + e.tokenize($1).count }
                    continuation.resume(returning: (try e.encode(texts), tokens))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}
