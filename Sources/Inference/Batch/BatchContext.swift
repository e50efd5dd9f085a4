/// One token of a `BatchContext` step: the slot it extends and whether its logits are wanted.
public struct BatchToken: Sendable, Equatable {
    public var slot: Int
    public var token: Int32
    public var wantsLogits: Bool

    public init(slot: Int, token: Int32, wantsLogits: Bool = true) {
        self.slot = slot
        self.token = token
        self.wantsLogits = wantsLogits
    }
}

/// Several sequences evaluated together, one forward step at a time, without sampling: the low-level API under
/// the batch engine (llama.cpp's `llama_decode` with a multi-sequence batch), for benchmarks and tools that
/// drive the steps themselves. Each slot is a sequence; a step appends each of its tokens to its slot.
///
/// The same forward pass as `InferenceContext` and `BatchEngine`: a slot's logits do not depend on the other
/// tokens in its steps. Used by one thread at a time.
public final class BatchContext {
    public let model: LanguageModel
    /// Sequences held at once.
    public var slots: Int { cache.slots }
    /// Positions per slot.
    public var capacity: Int { cache.capacity }
    /// The most tokens one step may hold.
    public var maxStepTokens: Int { forward.maxTokens }
    /// Tokens in each slot.
    public private(set) var lengths: [Int]
    public var precision: InferenceContext.Precision {
        get { forward.precision }
        set { forward.precision = newValue }
    }
    private let forward: ForwardPass
    private let cache: KVCache
    private var logits: [Float] = []

    /// - Parameters:
    ///   - capacity: positions per slot (default: the model's context length, at most 4096).
    ///   - threads: worker threads (default: every available core).
    ///   - maxStepTokens: the most tokens per step.
    public init(model: LanguageModel, slots: Int, capacity: Int? = nil, threads: Int? = nil,
                maxStepTokens: Int = 64) throws(InferenceError) {
        let c = model.config
        let size = capacity ?? min(c.contextLength, 4096)
        guard slots >= 1 else { throw .invalidRequest("slots must be at least 1, got \(slots)") }
        guard size >= 1, size <= c.contextLength else {
            throw .invalidRequest("capacity must be between 1 and the model's context length \(c.contextLength), got \(size)")
        }
        guard maxStepTokens >= 1 else { throw .invalidRequest("step tokens must be at least 1, got \(maxStepTokens)") }
        if let threads, threads < 1 { throw .invalidRequest("threads must be at least 1, got \(threads)") }
        self.model = model
        cache = KVCache(config: c, capacity: size, slots: slots)
        forward = ForwardPass(model: model, maxTokens: maxStepTokens, capacity: size,
                              threads: threads ?? WorkerPool.availableCores)
        lengths = Array(repeating: 0, count: slots)
    }

    /// Evaluates one step and returns the logits after each token that wants them, in step order
    /// (`count × vocabulary`, row-major).
    public func step(_ tokens: [BatchToken]) throws(InferenceError) -> [Float] {
        guard !tokens.isEmpty else { return [] }
        guard tokens.count <= maxStepTokens else {
            throw .invalidRequest("a step holds at most \(maxStepTokens) tokens, got \(tokens.count)")
        }
        let vocab = model.config.vocabularySize
        var next = lengths
        var step: [StepToken] = []
        var rows: [Int] = []
        for (i, t) in tokens.enumerated() {
            guard t.slot >= 0, t.slot < slots else { throw .invalidRequest("slot \(t.slot) is outside 0..<\(slots)") }
            guard t.token >= 0, Int(t.token) < vocab else {
                throw .invalidRequest("token id \(t.token) is outside the vocabulary (0..<\(vocab))")
            }
            guard next[t.slot] < capacity else { throw .invalidRequest("context full: slot \(t.slot) holds \(capacity) positions") }
            step.append(StepToken(id: t.token, slot: t.slot, position: next[t.slot]))
            next[t.slot] += 1
            if t.wantsLogits { rows.append(i) }
        }
        for s in 0 ..< slots where next[s] > lengths[s] { cache.reserve(slot: s, positions: next[s]) }
        if logits.count < rows.count * vocab { logits = [Float](repeating: 0, count: rows.count * vocab) }
        logits.withUnsafeMutableBufferPointer { out in
            forward.run(step, cache: cache, logitRows: rows, logits: out.baseAddress)
        }
        lengths = next
        return Array(logits[..<(rows.count * vocab)])
    }

    /// Empties `slot`.
    public func clear(slot: Int) {
        if slot >= 0, slot < slots { lengths[slot] = 0 }
    }

    /// Makes `target` hold the first `count` positions of `source` (copied).
    public func copy(prefix count: Int, from source: Int, to target: Int) throws(InferenceError) {
        guard source >= 0, source < slots, target >= 0, target < slots else {
            throw .invalidRequest("slots must be in 0..<\(slots), got \(source) and \(target)")
        }
        guard count >= 0, count <= lengths[source] else {
            throw .invalidRequest("slot \(source) holds \(lengths[source]) positions, cannot copy \(count)")
        }
        cache.copy(positions: count, from: source, to: target)
        lengths[target] = count
    }
}
