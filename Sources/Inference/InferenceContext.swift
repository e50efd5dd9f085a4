import CKernels
import Foundation

/// One sequence being evaluated by a model: its KV cache, its position, and the working memory of the forward pass.
///
/// The forward pass (`ForwardPass`, llama.cpp's for the Llama family) is the one the batch engine runs, with one
/// cache slot. A context is used by one thread at a time; the model it runs is shared and immutable.
public final class InferenceContext {
    public let model: LanguageModel
    public let cache: KVCache
    public var pool: WorkerPool { forward.pool }
    /// Tokens whose keys and values are in the cache, in order.
    public private(set) var tokens: [Int32] = []
    private let forward: ForwardPass

    /// Tokens processed per forward step during prompt processing.
    public static let batchSize = 64

    /// How matrix products treat activations.
    public enum Precision: String, Sendable, Codable, CaseIterable {
        /// Activations are rounded to 8 bits per block of 32 and multiplied with integer dot products, as llama.cpp
        /// does: fast, and what the speed figures measure.
        case quantized
        /// Weights are dequantised row by row and multiplied with f32 activations: slower, free of activation
        /// rounding (the reference for exact likelihoods and for checking the forward pass).
        case float
    }

    /// The precision of matrix products; `.quantized` unless set.
    public var precision: Precision {
        get { forward.precision }
        set { forward.precision = newValue }
    }

    /// - Parameters:
    ///   - contextSize: positions the cache holds (default: the model's context length, at most 4096).
    ///   - threads: worker threads (default: every available core).
    public init(model: LanguageModel, contextSize: Int? = nil, threads: Int? = nil) throws(InferenceError) {
        let c = model.config
        let size = contextSize ?? min(c.contextLength, 4096)
        guard size > 0 else { throw .invalidRequest("context size must be positive, got \(size)") }
        guard size <= c.contextLength else {
            throw .invalidRequest("context size \(size) exceeds the model's context length \(c.contextLength)")
        }
        if let threads, threads < 1 { throw .invalidRequest("threads must be at least 1, got \(threads)") }
        self.model = model
        cache = KVCache(config: c, capacity: size)
        forward = ForwardPass(model: model, maxTokens: Self.batchSize, capacity: size,
                              threads: threads ?? WorkerPool.availableCores)
    }

    public var position: Int { tokens.count }
    public var capacity: Int { cache.capacity }

    /// Forgets every position after the first `count` (keeps a shared prefix, e.g. the chat preamble).
    public func truncate(to count: Int) {
        if count < tokens.count { tokens.removeLast(tokens.count - max(0, count)) }
    }

    public func reset() { tokens.removeAll(keepingCapacity: true) }

    /// Runs `newTokens` through the model after the cached ones.
    ///
    /// - Parameter allLogits: return the logits after every new token (`newTokens.count × vocab`, row-major),
    ///   not only after the last one.
    /// - Returns: logits over the vocabulary.
    public func evaluate(_ newTokens: [Int32], allLogits: Bool = false) throws(InferenceError) -> [Float] {
        guard !newTokens.isEmpty else { throw .invalidRequest("nothing to evaluate: no tokens") }
        guard tokens.count + newTokens.count <= cache.capacity else {
            throw .invalidRequest("context full: \(tokens.count) cached + \(newTokens.count) new tokens exceed the context size \(cache.capacity)")
        }
        let vocab = model.config.vocabularySize
        for t in newTokens where t < 0 || Int(t) >= vocab {
            throw .invalidRequest("token id \(t) is outside the vocabulary (0..<\(vocab))")
        }
        var logits = [Float](repeating: 0, count: (allLogits ? newTokens.count : 1) * vocab)
        var done = 0
        while done < newTokens.count {
            let n = min(Self.batchSize, newTokens.count - done)
            let chunk = Array(newTokens[done ..< done + n])
            let isLast = done + n == newTokens.count
            let start = tokens.count
            let step = chunk.enumerated().map { StepToken(id: $1, slot: 0, position: start + $0) }
            cache.reserve(slot: 0, positions: start + n)
            logits.withUnsafeMutableBufferPointer { out in
                if allLogits {
                    forward.run(step, cache: cache, logitRows: Array(0 ..< n), logits: out.baseAddress! + done * vocab)
                } else if isLast {
                    forward.run(step, cache: cache, logitRows: [n - 1], logits: out.baseAddress!)
                } else {
                    forward.run(step, cache: cache, logitRows: [], logits: nil)
                }
            }
            tokens.append(contentsOf: chunk)
            done += n
        }
        return logits
    }
}
