import CKernels
import Inference

/// The forward pass of a BERT encoder (post-LN, as Hugging Face's `BertModel`) followed by mean pooling.
///
/// A batch is evaluated packed: the tokens of all its sequences are stacked with no padding, the per-token
/// layers (linear maps, layer norms, GELU) run over all of them at once, and attention runs per sequence over
/// that sequence's tokens only — exactly what a padded batch with an attention mask computes, without the
/// padding's cost.
struct BertEncoder: Sendable {
    let config: BertConfiguration
    let weights: BertWeights

    /// Mean-pooled (and, if the configuration says so, L2-normalised) vectors of `sequences`, each a list of
    /// token ids already wrapped in [CLS] … [SEP] and at most `maxPositionEmbeddings` long.
    func pooledVectors(_ sequences: [[Int32]], pool: WorkerPool, workspace: BertWorkspace) -> [[Float]] {
        let c = config
        let h = c.hiddenSize, inter = c.intermediateSize, heads = c.headCount, dh = c.headDimension
        var starts: [Int] = []
        var total = 0
        for s in sequences {
            starts.append(total)
            total += s.count
        }
        guard total > 0 else { return sequences.map { _ in [Float](repeating: 0, count: h) } }
        let longest = sequences.map(\.count).max() ?? 0
        workspace.reserve(tokens: total, hidden: h, intermediate: inter, longest: longest, headDimension: dh, workers: pool.threadCount)
        let x = workspace.hidden, qkv = workspace.qkv, ctx = workspace.context, ff = workspace.feedForward
        let eps = c.layerNormEpsilon

        // Embeddings: LN(word[id] + type[0] + position[i]).
        let ids = sequences.flatMap { $0 }
        var positions: [Int] = []
        positions.reserveCapacity(total)
        for s in sequences { positions.append(contentsOf: 0 ..< s.count) }
        weights.wordEmbeddings.withUnsafeBufferPointer { word in
            weights.positionEmbeddings.withUnsafeBufferPointer { pos in
                weights.tokenTypeEmbedding.withUnsafeBufferPointer { type in
                    weights.embeddingNormWeight.withUnsafeBufferPointer { nw in
                        weights.embeddingNormBias.withUnsafeBufferPointer { nb in
                            pool.parallelFor(total, granularity: 4) { range in
                                for t in range {
                                    let row = x + t * h
                                    let id = min(max(Int(ids[t]), 0), c.vocabularySize - 1)
                                    vp_add_f32(word.baseAddress! + id * h, type.baseAddress!, row, Int64(h))
                                    vp_add_f32(row, pos.baseAddress! + positions[t] * h, row, Int64(h))
                                    layerNorm(row, residual: nil, weight: nw.baseAddress!, bias: nb.baseAddress!, count: h, epsilon: eps)
                                }
                            }
                        }
                    }
                }
            }
        }

        let scale = 1 / Float(dh).squareRoot()
        for layer in weights.layers {
            layer.qkv.apply(pool: pool, x: x, tokens: total, out: qkv)
            // Attention, one (sequence, head) pair per work item, dealt out in turn for balance:
            // S = Q·Kᵀ/√d, softmax over each row, then context = S·V, both products by the GEMM kernel.
            let items = sequences.count * heads
            let workers = pool.threadCount
            let rowStride = 3 * h
            pool.run { w in
                let scratch = workspace.attentionScratch(worker: w)
                for item in stride(from: w, to: items, by: workers) {
                    let s = item / heads, head = item % heads
                    let start = starts[s], length = sequences[s].count
                    let n = Int64(length)
                    let q = qkv + start * rowStride + head * dh
                    vp_gemm_f32_pack(Int64(dh), n, q + h, rowStride, 1, scratch.packed)
                    vp_gemm_f32_packed(n, Int64(dh), q, rowStride, scratch.packed, n, 0, n, nil, scratch.scores, length)
                    for i in 0 ..< length {
                        let row = scratch.scores + i * length
                        vp_scale_f32(row, scale, n)
                        vp_softmax_f32(row, n)
                    }
                    vp_gemm_f32_pack(n, Int64(dh), q + 2 * h, rowStride, 0, scratch.packed)
                    vp_gemm_f32_packed(n, n, scratch.scores, length, scratch.packed, Int64(dh), 0, Int64(dh), nil,
                                       ctx + start * h + head * dh, h)
                }
            }
            // Attention output, residual and norm: x = LN(x + Wo·ctx + bo).
            let projected = workspace.projected
            layer.attentionOutput.apply(pool: pool, x: ctx, tokens: total, out: projected)
            residualNorm(pool: pool, x: x, add: projected, tokens: total, weight: layer.attentionNormWeight, bias: layer.attentionNormBias)
            // Feed-forward: x = LN(x + W2·gelu(W1·x + b1) + b2).
            layer.intermediate.apply(pool: pool, x: x, tokens: total, out: ff)
            pool.parallelFor(total, granularity: 4) { range in
                vp_gelu_f32(ff + range.lowerBound * inter, Int64(range.count * inter))
            }
            layer.output.apply(pool: pool, x: ff, tokens: total, out: projected)
            residualNorm(pool: pool, x: x, add: projected, tokens: total, weight: layer.outputNormWeight, bias: layer.outputNormBias)
        }

        // Mean pooling over each sequence's tokens ([CLS] and [SEP] included), then L2 normalisation.
        return sequences.indices.map { s in
            var v = [Float](repeating: 0, count: h)
            let length = sequences[s].count
            guard length > 0 else { return v }
            v.withUnsafeMutableBufferPointer { out in
                for t in starts[s] ..< starts[s] + length { vp_add_f32(out.baseAddress!, x + t * h, out.baseAddress!, Int64(h)) }
                vp_scale_f32(out.baseAddress!, 1 / Float(length), Int64(h))
                if config.normalize {
                    let norm = vp_dot_f32(out.baseAddress!, out.baseAddress!, Int64(h)).squareRoot()
                    // sentence-transformers divides by max(norm, 1e-12).
                    vp_scale_f32(out.baseAddress!, 1 / max(norm, 1e-12), Int64(h))
                }
            }
            return v
        }
    }

    /// `x[t] = LN(x[t] + add[t])` for every token.
    private func residualNorm(pool: WorkerPool, x: UnsafeMutablePointer<Float>, add: UnsafePointer<Float>, tokens: Int,
                              weight: [Float], bias: [Float]) {
        let h = config.hiddenSize, eps = config.layerNormEpsilon
        weight.withUnsafeBufferPointer { w in
            bias.withUnsafeBufferPointer { b in
                pool.parallelFor(tokens, granularity: 4) { range in
                    for t in range {
                        layerNorm(x + t * h, residual: add + t * h, weight: w.baseAddress!, bias: b.baseAddress!, count: h, epsilon: eps)
                    }
                }
            }
        }
    }
}

/// Scratch buffers of the forward pass, grown as needed and reused between batches.
final class BertWorkspace: @unchecked Sendable {
    private(set) var hidden = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    private(set) var qkv = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    private(set) var context = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    private(set) var projected = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    private(set) var feedForward = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    private var attention = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    private var tokenCapacity = 0
    private var longestCapacity = 0
    private var headCapacity = 0
    private var workerCapacity = 0

    /// One worker's attention buffers: `scores` (longest² floats) and `packed` (a packed K or V of one head).
    struct AttentionScratch {
        let scores: UnsafeMutablePointer<Float>
        let packed: UnsafeMutablePointer<Float>
    }

    private var scoreFloats: Int { longestCapacity * longestCapacity }
    private var packedFloats: Int {
        max(vp_gemm_f32_packed_floats(Int64(headCapacity), Int64(longestCapacity)),
            vp_gemm_f32_packed_floats(Int64(longestCapacity), Int64(headCapacity)))
    }

    func reserve(tokens: Int, hidden h: Int, intermediate: Int, longest: Int, headDimension: Int, workers: Int) {
        if tokens > tokenCapacity {
            let n = max(tokens, tokenCapacity * 3 / 2)
            for p in [hidden, qkv, context, projected, feedForward] { p.deallocate() }
            hidden = .allocate(capacity: n * h)
            qkv = .allocate(capacity: n * 3 * h)
            context = .allocate(capacity: n * h)
            projected = .allocate(capacity: n * h)
            feedForward = .allocate(capacity: n * intermediate)
            tokenCapacity = n
        }
        if longest > longestCapacity || headDimension > headCapacity || workers > workerCapacity {
            attention.deallocate()
            longestCapacity = max(longest, longestCapacity)
            headCapacity = max(headDimension, headCapacity)
            workerCapacity = max(workers, workerCapacity)
            attention = .allocate(capacity: max(1, (scoreFloats + packedFloats) * workerCapacity))
        }
    }

    /// The attention buffers of one worker.
    func attentionScratch(worker: Int) -> AttentionScratch {
        let base = attention + min(worker, workerCapacity - 1) * (scoreFloats + packedFloats)
        return AttentionScratch(scores: base, packed: base + scoreFloats)
    }

    deinit {
        for p in [hidden, qkv, context, projected, feedForward, attention] { p.deallocate() }
    }
}
