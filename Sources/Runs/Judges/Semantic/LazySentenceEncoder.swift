import Assets
import Embeddings
import Synchronization

/// The MiniLM sentence encoder, loaded (and fetched into the asset store if needed) on first use, so that making
/// a `semantic` judge costs nothing until it judges.
public final class LazySentenceEncoder: Sendable {
    private let load: @Sendable () throws -> SentenceEncoder
    private let encoder = Mutex<SentenceEncoder?>(nil)

    /// all-MiniLM-L6-v2 from `store`.
    public convenience init(store: AssetStore = AssetStore(), threads: Int? = nil) {
        self.init { try SentenceEncoder.miniLM(store: store, threads: threads) }
    }

    /// An encoder made by `load` on first use.
    public init(load: @escaping @Sendable () throws -> SentenceEncoder) {
        self.load = load
    }

    /// The encoder, loading it if needed.
    /// - Throws: ``JudgeError/semantic(_:)`` when it cannot be loaded.
    public func get() throws -> SentenceEncoder {
        try encoder.withLock { cached in
            if let cached { return cached }
            do {
                let loaded = try load()
                cached = loaded
                return loaded
            } catch {
                throw JudgeError.semantic("cannot load the MiniLM sentence encoder: \(error)")
            }
        }
    }

    /// Unit-length vectors of `texts`, in order.
    public func encode(_ texts: [String]) throws -> [[Float]] {
        try get().encode(texts)
    }
}
