import CKernels
import Foundation
import GGUF

/// One token of a forward step: its id, the cache slot of its sequence and its position there.
struct StepToken: Sendable, Equatable {
    var id: Int32
    var slot: Int
    var position: Int
}

/// The forward pass of a Llama-family model (llama.cpp's, read top to bottom in `run`) over a step of tokens that
/// may belong to different sequences, each token attending to its own slot of the cache up to its own position.
///
/// Every per-token quantity is computed by the same kernels in the same order whatever else is in the step: matrix
/// products are batch invariant row by row (`vp_matmul`), norms, rotary embeddings and attention are per token. So
/// a sequence's logits do not depend on which tokens share its step, nor on how its prompt is cut into steps.
final class ForwardPass {
    let model: LanguageModel
    let pool: WorkerPool
    /// The most tokens one step may hold.
    let maxTokens: Int
    /// The most positions a token may attend to.
    let capacity: Int
    var precision: InferenceContext.Precision = .quantized
    private let scratch: ScratchBuffers
    private let rope: RotaryEmbedding
    private var ropeTables: [[Float]] = []

    init(model: LanguageModel, maxTokens: Int, capacity: Int, threads: Int) {
        self.model = model
        self.maxTokens = maxTokens
        self.capacity = capacity
        pool = WorkerPool(threads: threads)
        scratch = ScratchBuffers(config: model.config, maxTokens: maxTokens, capacity: capacity, workers: pool.threadCount)
        rope = RotaryEmbedding(config: model.config, frequencyFactors: model.weights.ropeFrequencyFactors)
    }

    /// Runs `step` through the model, writing every token's keys and values into `cache` at its slot and position
    /// (reserved by the caller), and the logits after the tokens at indices `logitRows` (ascending) into
    /// consecutive rows of `logits` (`logitRows.count × vocabulary`).
    ///
    /// The caller guarantees: `step.count ≤ maxTokens`, positions `< capacity`, and every position before a token's
    /// own in its slot already holds its sequence's entries (or is written by an earlier token of this step).
    func run(_ step: [StepToken], cache: KVCache, logitRows: [Int], logits: UnsafeMutablePointer<Float>?) {
        let c = model.config
        let w = model.weights
        let s = scratch
        let T = step.count
        let d = c.embeddingLength
        let qd = c.headCount * c.headDimension
        let kd = c.headCountKV * c.headDimension
        let vd = c.headCountKV * c.valueDimension
        let ad = c.headCount * c.valueDimension
        let ff = c.feedForwardLength
        guard T > 0 else { return }

        // Token embeddings.
        for (t, token) in step.enumerated() { w.tokenEmbedding.dequantizedRow(Int(token.id), into: s.x + t * d) }
        let highest = step.map(\.position).max() ?? 0
        while ropeTables.count <= highest { ropeTables.append(rope.table(position: ropeTables.count)) }

        for (l, layer) in w.layers.enumerated() {
            // Attention: norm, q/k/v projections, rotary positions, cache, softmax(q·k/√d)·v, output projection.
            for t in 0 ..< T { vp_rmsnorm_f32(s.x + t * d, layer.attentionNorm, s.normed + t * d, Int64(d), c.rmsEpsilon) }
            matmul([(layer.query, s.q, qd), (layer.key, s.k, kd), (layer.value, s.v, vd)], input: s.normed, width: d, tokens: T)
            for (t, token) in step.enumerated() {
                addBias(layer.queryBias, s.q + t * qd)
                addBias(layer.keyBias, s.k + t * kd)
                addBias(layer.valueBias, s.v + t * vd)
                let table = ropeTables[token.position]
                rope.apply(s.q + t * qd, heads: c.headCount, headSize: c.headDimension, table: table)
                rope.apply(s.k + t * kd, heads: c.headCountKV, headSize: c.headDimension, table: table)
                cache.store(slot: token.slot, layer: l, position: token.position, keys: s.k + t * kd, values: s.v + t * vd)
            }
            attend(step, layer: l, cache: cache)
            matmul([(layer.output, s.projected, d)], input: s.attention, width: ad, tokens: T)
            vp_add_f32(s.x, s.projected, s.x, Int64(T * d))

            // Feed-forward: norm, SwiGLU, down projection.
            for t in 0 ..< T { vp_rmsnorm_f32(s.x + t * d, layer.ffnNorm, s.normed + t * d, Int64(d), c.rmsEpsilon) }
            matmul([(layer.gate, s.gate, ff), (layer.up, s.up, ff)], input: s.normed, width: d, tokens: T)
            vp_silu_mul_f32(s.gate, s.up, s.gate, Int64(T * ff))
            matmul([(layer.down, s.projected, d)], input: s.gate, width: ff, tokens: T)
            vp_add_f32(s.x, s.projected, s.x, Int64(T * d))
        }

        guard let logits, !logitRows.isEmpty else { return }
        for (i, t) in logitRows.enumerated() {
            vp_rmsnorm_f32(s.x + t * d, w.outputNorm, s.normed + i * d, Int64(d), c.rmsEpsilon)
        }
        matmul([(w.output, logits, c.vocabularySize)], input: s.normed, width: d, tokens: logitRows.count)
    }

    private func addBias(_ bias: [Float]?, _ x: UnsafeMutablePointer<Float>) {
        guard let bias else { return }
        bias.withUnsafeBufferPointer { vp_add_f32(x, $0.baseAddress!, x, Int64($0.count)) }
    }

    /// Causal attention of every token's queries over its slot's positions up to its own, one (token, key/value
    /// head) pair per work item: the group of query heads that share the key/value head is scored against a whole
    /// cache page with one matrix product, and weighs the page's (transposed) values with another, pages in order.
    private func attend(_ step: [StepToken], layer l: Int, cache: KVCache) {
        let c = model.config
        let s = scratch
        let hd = c.headDimension
        let vdh = c.valueDimension
        let qd = c.headCount * hd
        let ad = c.headCount * vdh
        let group = c.groupSize
        let kvHeads = c.headCountKV
        let scale = 1 / Float(hd).squareRoot()
        let stride = s.scoreStride
        let items = step.count * kvHeads
        let chunks = min(items, pool.threadCount == 1 ? 1 : 16 * pool.threadCount)
        let page = KVCache.pagePositions
        let f32 = Int32(GGMLType.f32.rawValue)
        step.withUnsafeBufferPointer { tokens in
            pool.run(chunks: chunks) { chunk, worker in
                let scores = s.scores + worker * group * stride
                let partial = s.partial + worker * group * vdh
                for item in items * chunk / chunks ..< items * (chunk + 1) / chunks {
                    let t = item / kvHeads, g = item % kvHeads
                    let token = tokens[t]
                    let q = s.q + t * qd + g * group * hd
                    let n = token.position + 1
                    let pages = (n + page - 1) / page
                    // Scores: row i of `scores` belongs to query head g·group + i.
                    for p in 0 ..< pages {
                        let rows = min(page, n - p * page)
                        vp_matmul(f32, Int64(hd), cache.keys(slot: token.slot, layer: l, head: g, page: p), q,
                                  hd * MemoryLayout<Float>.size, scores + p * page, stride, 0, Int64(rows), Int64(group))
                    }
                    for i in 0 ..< group {
                        let row = scores + i * stride
                        vp_scale_f32(row, scale, Int64(n))
                        vp_softmax_f32(row, Int64(n))
                        // The last page is weighed whole: zero weight beyond the token's own position.
                        (row + n).update(repeating: 0, count: pages * page - n)
                    }
                    // Weighted values, page by page, into the group's heads' outputs.
                    let out = s.attention + t * ad + g * group * vdh
                    for p in 0 ..< pages {
                        let target = p == 0 ? out : partial
                        vp_matmul(f32, Int64(page), cache.values(slot: token.slot, layer: l, head: g, page: p),
                                  scores + p * page, stride * MemoryLayout<Float>.size, target, vdh, 0, Int64(vdh),
                                  Int64(group))
                        if p > 0 { vp_add_f32(out, partial, out, Int64(group * vdh)) }
                    }
                }
            }
        }
    }

    /// Multiplies the same input rows by several matrices in one parallel region whose chunks are row ranges of
    /// the matrices (multiples of 16 rows). The input is quantised once per activation format. Each output element
    /// is computed by exactly one chunk with the same kernel, so the split never changes a number.
    private func matmul(_ jobs: [(WeightMatrix, UnsafeMutablePointer<Float>, Int)], input: UnsafeMutablePointer<Float>,
                        width: Int, tokens T: Int) {
        let s = scratch
        let workers = pool.threadCount
        // Row ranges: about 8 chunks per worker over all the jobs, so that a late worker's share is small.
        var ranges: [(job: Int, rows: Range<Int>)] = []
        let totalUnits = jobs.reduce(0) { $0 + ($1.0.rows + 15) / 16 }
        let unitsPerChunk = workers == 1 ? Int.max : max(1, totalUnits / (8 * workers))
        for (j, (m, _, _)) in jobs.enumerated() {
            let units = (m.rows + 15) / 16
            var u = 0
            while u < units {
                let next = unitsPerChunk >= units - u ? units : u + unitsPerChunk
                ranges.append((j, u * 16 ..< min(m.rows, next * 16)))
                u = next
            }
        }
        if precision == .float {
            pool.run(chunks: ranges.count) { chunk, w in
                let (j, rows) = ranges[chunk]
                let (m, out, stride) = jobs[j]
                let row = s.weightRows + w * s.widestRow
                for r in rows {
                    m.dequantizedRow(r, into: row)
                    for t in 0 ..< T { out[t * stride + r] = vp_dot_f32(row, input + t * width, Int64(width)) }
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
        let acts = jobs.map { slots[$0.0.activationType]! }
        pool.run(chunks: ranges.count) { chunk, _ in
            let (j, rows) = ranges[chunk]
            let (m, out, stride) = jobs[j]
            vp_matmul(Int32(m.type.rawValue), Int64(m.columns), m.base, acts[j], s.activationRowBytes,
                      out, stride, Int64(rows.lowerBound), Int64(rows.upperBound), Int64(T))
        }
    }
}
