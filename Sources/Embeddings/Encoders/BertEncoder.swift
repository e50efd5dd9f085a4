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
        workspace.reserve(tokens: total, hidden: h, intermediate: inter, longest: longest, workers: pool.threadCount)
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
            layer.qkvWeight.withUnsafeBufferPointer { w in
                layer.qkvBias.withUnsafeBufferPointer { b in
                    denseProduct(pool: pool, x: x, tokens: total, inputs: h, weight: w.baseAddress!, bias: b.baseAddress!, outputs: 3 * h, out: qkv)
                }
            }
            // Attention, one (sequence, head) pair per work item, dealt out in turn for balance.
            let items = sequences.count * heads
            let workers = pool.threadCount
            pool.run { w in
                let scores = workspace.scores(worker: w)
                for item in stride(from: w, to: items, by: workers) {
                    let s = item / heads, head = item % heads
                    let start = starts[s], length = sequences[s].count
                    for i in 0 ..< length {
                        let q = qkv + (start + i) * 3 * h + head * dh
                        for j in 0 ..< length {
                            let k = qkv + (start + j) * 3 * h + h + head * dh
                            scores[j] = vp_dot_f32(q, k, Int64(dh)) * scale
                        }
                        vp_softmax_f32(scores, Int64(length))
                        let out = ctx + (start + i) * h + head * dh
                        out.update(repeating: 0, count: dh)
                        for j in 0 ..< length {
                            vp_axpy_f32(scores[j], qkv + (start + j) * 3 * h + 2 * h + head * dh, out, Int64(dh))
                        }
                    }
                }
            }
            // Attention output, residual and norm: x = LN(x + Wo·ctx + bo).
            let projected = workspace.projected
            layer.attentionOutputWeight.withUnsafeBufferPointer { w in
                layer.attentionOutputBias.withUnsafeBufferPointer { b in
                    denseProduct(pool: pool, x: ctx, tokens: total, inputs: h, weight: w.baseAddress!, bias: b.baseAddress!, outputs: h, out: projected)
                }
            }
            residualNorm(pool: pool, x: x, add: projected, tokens: total, weight: layer.attentionNormWeight, bias: layer.attentionNormBias)
            // Feed-forward: x = LN(x + W2·gelu(W1·x + b1) + b2).
            layer.intermediateWeight.withUnsafeBufferPointer { w in
                layer.intermediateBias.withUnsafeBufferPointer { b in
                    denseProduct(pool: pool, x: x, tokens: total, inputs: h, weight: w.baseAddress!, bias: b.baseAddress!, outputs: inter, out: ff)
                }
            }
            pool.parallelFor(total, granularity: 4) { range in
                GELU.apply(ff + range.lowerBound * inter, count: range.count * inter)
            }
            layer.outputWeight.withUnsafeBufferPointer { w in
                layer.outputBias.withUnsafeBufferPointer { b in
                    denseProduct(pool: pool, x: ff, tokens: total, inputs: inter, weight: w.baseAddress!, bias: b.baseAddress!, outputs: h, out: projected)
                }
            }
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
    private var scoreRows = UnsafeMutablePointer<Float>.allocate(capacity: 1)
    private var tokenCapacity = 0
    private var scoreStride = 0
    private var workerCapacity = 0

    func reserve(tokens: Int, hidden h: Int, intermediate: Int, longest: Int, workers: Int) {
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
        if longest > scoreStride || workers > workerCapacity {
            scoreRows.deallocate()
            scoreStride = max(longest, scoreStride)
            workerCapacity = max(workers, workerCapacity)
            scoreRows = .allocate(capacity: scoreStride * workerCapacity)
        }
    }

    /// The attention-score row of one worker (`longest` floats).
    func scores(worker: Int) -> UnsafeMutablePointer<Float> {
        scoreRows + min(worker, workerCapacity - 1) * scoreStride
    }

    deinit {
        for p in [hidden, qkv, context, projected, feedForward, scoreRows] { p.deallocate() }
    }
}
