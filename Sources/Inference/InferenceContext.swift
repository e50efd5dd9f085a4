import CKernels
import Foundation

/// One sequence being evaluated by a model: its KV cache, its position, and the working memory of the forward pass.
///
/// The forward pass is llama.cpp's for the Llama family, read top to bottom in `forward(_:)`. A context is used by
/// one thread at a time; the model it runs is shared and immutable.
public final class InferenceContext {
    public let model: LanguageModel
    public let cache: KVCache
    public let pool: WorkerPool
    /// Tokens whose keys and values are in the cache, in order.
    public private(set) var tokens: [Int32] = []
    private let scratch: ScratchBuffers
    private let rope: RotaryEmbedding
    private var ropeTables: [[Float]] = []

    /// Tokens processed per forward step during prompt processing.
    public static let batchSize = 64

    /// How matrix products treat activations.
    public enum Precision: String, Sendable, Codable {
        /// Activations are rounded to 8 bits per block of 32 and multiplied with integer dot products, as llama.cpp
        /// does: fast, and what the speed figures measure.
        case quantized
        /// Weights are dequantised row by row and multiplied with f32 activations: slower, free of activation
        /// rounding (the reference for exact likelihoods and for checking the forward pass).
        case float
    }

    /// The precision of matrix products; `.quantized` unless set.
    public var precision: Precision = .quantized

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
        pool = WorkerPool(threads: threads ?? WorkerPool.availableCores)
        cache = KVCache(config: c, capacity: size)
        scratch = ScratchBuffers(config: c, maxTokens: Self.batchSize, capacity: size, workers: pool.threadCount)
        rope = RotaryEmbedding(config: c, frequencyFactors: model.weights.ropeFrequencyFactors)
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
            logits.withUnsafeMutableBufferPointer { out in
                if allLogits {
                    forward(chunk, logits: out.baseAddress! + done * vocab, logitRows: 0 ..< n)
                } else if isLast {
                    forward(chunk, logits: out.baseAddress!, logitRows: (n - 1) ..< n)
                } else {
                    forward(chunk, logits: nil, logitRows: 0 ..< 0)
                }
            }
            done += n
        }
        return logits
    }

    // MARK: - The forward pass

    private func forward(_ batch: [Int32], logits: UnsafeMutablePointer<Float>?, logitRows: Range<Int>) {
        let c = model.config
        let w = model.weights
        let s = scratch
        let T = batch.count
        let d = c.embeddingLength
        let start = tokens.count
        let qd = c.headCount * c.headDimension
        let kd = c.headCountKV * c.headDimension
        let vd = c.headCountKV * c.valueDimension
        let ad = c.headCount * c.valueDimension
        let ff = c.feedForwardLength

        // Token embeddings.
        for (t, id) in batch.enumerated() { w.tokenEmbedding.dequantizedRow(Int(id), into: s.x + t * d) }
        while ropeTables.count < start + T { ropeTables.append(rope.table(position: ropeTables.count)) }

        for (l, layer) in w.layers.enumerated() {
            // Attention: norm, q/k/v projections, rotary positions, cache, softmax(q·k/√d)·v, output projection.
            for t in 0 ..< T { vp_rmsnorm_f32(s.x + t * d, layer.attentionNorm, s.normed + t * d, Int64(d), c.rmsEpsilon) }
            matmul([(layer.query, s.q, qd), (layer.key, s.k, kd), (layer.value, s.v, vd)], input: s.normed, width: d, tokens: T)
            for t in 0 ..< T {
                addBias(layer.queryBias, s.q + t * qd)
                addBias(layer.keyBias, s.k + t * kd)
                addBias(layer.valueBias, s.v + t * vd)
                let table = ropeTables[start + t]
                rope.apply(s.q + t * qd, heads: c.headCount, headSize: c.headDimension, table: table)
                rope.apply(s.k + t * kd, heads: c.headCountKV, headSize: c.headDimension, table: table)
                cache.keyRow(layer: l, position: start + t).update(from: s.k + t * kd, count: kd)
                cache.valueRow(layer: l, position: start + t).update(from: s.v + t * vd, count: vd)
            }
            attend(layer: l, tokens: T, start: start)
            matmul([(layer.output, s.projected, d)], input: s.attention, width: ad, tokens: T)
            vp_add_f32(s.x, s.projected, s.x, Int64(T * d))

            // Feed-forward: norm, SwiGLU, down projection.
            for t in 0 ..< T { vp_rmsnorm_f32(s.x + t * d, layer.ffnNorm, s.normed + t * d, Int64(d), c.rmsEpsilon) }
            matmul([(layer.gate, s.gate, ff), (layer.up, s.up, ff)], input: s.normed, width: d, tokens: T)
            vp_silu_mul_f32(s.gate, s.up, s.gate, Int64(T * ff))
            matmul([(layer.down, s.projected, d)], input: s.gate, width: ff, tokens: T)
            vp_add_f32(s.x, s.projected, s.x, Int64(T * d))
        }
        tokens.append(contentsOf: batch)

        guard let logits, !logitRows.isEmpty else { return }
        let first = logitRows.lowerBound
        for t in logitRows { vp_rmsnorm_f32(s.x + t * d, w.outputNorm, s.normed + (t - first) * d, Int64(d), c.rmsEpsilon) }
        matmul([(w.output, logits, c.vocabularySize)], input: s.normed, width: d, tokens: logitRows.count)
    }

    private func addBias(_ bias: [Float]?, _ x: UnsafeMutablePointer<Float>) {
        guard let bias else { return }
        bias.withUnsafeBufferPointer { vp_add_f32(x, $0.baseAddress!, x, Int64($0.count)) }
    }

    /// Causal attention of the batch's queries over every cached position up to their own, one (token, head) pair
    /// per work item. Query head h reads key/value head h / groupSize.
    private func attend(layer l: Int, tokens T: Int, start: Int) {
        let c = model.config
        let s = scratch
        let hd = c.headDimension
        let vdh = c.valueDimension
        let qd = c.headCount * hd
        let ad = c.headCount * vdh
        let heads = c.headCount
        let group = c.groupSize
        let scale = 1 / Float(hd).squareRoot()
        let capacity = cache.capacity
        let cache = self.cache
        pool.run { worker in
            let items = T * heads
            let lo = items * worker / pool.threadCount
            let hi = items * (worker + 1) / pool.threadCount
            let scores = s.scores + worker * capacity
            for item in lo ..< hi {
                let t = item / heads, h = item % heads
                let kvh = h / group
                let q = s.q + t * qd + h * hd
                let n = start + t + 1
                for j in 0 ..< n { scores[j] = vp_dot_f32(q, cache.keyRow(layer: l, position: j) + kvh * hd, Int64(hd)) * scale }
                vp_softmax_f32(scores, Int64(n))
                let out = s.attention + t * ad + h * vdh
                out.initialize(repeating: 0, count: vdh)
                for j in 0 ..< n { vp_axpy_f32(scores[j], cache.valueRow(layer: l, position: j) + kvh * vdh, out, Int64(vdh)) }
            }
        }
    }

    /// Multiplies the same input rows by several matrices in one parallel region: each worker computes its share of
    /// the rows of every matrix. The input is quantised once per activation format.
    private func matmul(_ jobs: [(WeightMatrix, UnsafeMutablePointer<Float>, Int)], input: UnsafeMutablePointer<Float>,
                        width: Int, tokens T: Int) {
        let s = scratch
        if precision == .float {
            let workers = pool.threadCount
            pool.run { w in
                let row = s.weightRows + w * s.widestRow
                for (m, out, stride) in jobs {
                    let lo = m.rows * w / workers, hi = m.rows * (w + 1) / workers
                    for r in lo ..< hi {
                        m.dequantizedRow(r, into: row)
                        for t in 0 ..< T { out[t * stride + r] = vp_dot_f32(row, input + t * width, Int64(width)) }
                    }
                }
            }
            return
        }
        var slots: [Int32: UnsafeMutableRawPointer] = [:]
        for (m, _, _) in jobs where slots[m.activationType] == nil {
            let slot = s.activations + slots.count * s.activationSlotBytes
            for t in 0 ..< T {
                vp_quantize_row(m.activationType, input + t * width, slot + t * s.activationRowBytes, Int64(width))
            }
            slots[m.activationType] = slot
        }
        let plan = jobs.map { job in (job, slots[job.0.activationType]!) }
        let workers = pool.threadCount
        pool.run { w in
            for ((m, out, stride), act) in plan {
                // Rows split in multiples of 16 so that each worker's share starts on a cache-friendly boundary.
                let units = (m.rows + 15) / 16
                let lo = min(m.rows, units * w / workers * 16)
                let hi = min(m.rows, units * (w + 1) / workers * 16)
                guard lo < hi else { continue }
                vp_matmul(Int32(m.type.rawValue), Int64(m.columns), m.base, act, s.activationRowBytes,
                          out, stride, Int64(lo), Int64(hi), Int64(T))
            }
        }
    }
}
