import CKernels

/// Working memory for a forward pass over up to `maxTokens` tokens at once, allocated once per context.
final class ScratchBuffers {
    let maxTokens: Int
    let x: UnsafeMutablePointer<Float>        // residual stream [T, d]
    let normed: UnsafeMutablePointer<Float>   // normalised input of a sub-layer [T, d]
    let q: UnsafeMutablePointer<Float>        // [T, heads·headDim]
    let k: UnsafeMutablePointer<Float>        // [T, kvHeads·headDim]
    let v: UnsafeMutablePointer<Float>        // [T, kvHeads·valueDim]
    let attention: UnsafeMutablePointer<Float> // [T, heads·valueDim]
    let projected: UnsafeMutablePointer<Float> // [T, d]
    let gate: UnsafeMutablePointer<Float>     // [T, ff]
    let up: UnsafeMutablePointer<Float>       // [T, ff]
    /// Attention probabilities per worker: [workers, groupSize, scoreStride] (one row per query head of a group).
    let scores: UnsafeMutablePointer<Float>
    /// Positions per row of `scores`: the capacity rounded up to whole cache pages.
    let scoreStride: Int
    /// Per worker, one page's weighted values for a group's heads: [workers, groupSize, valueDim].
    let partial: UnsafeMutablePointer<Float>
    let weightRows: UnsafeMutablePointer<Float> // per worker, one dequantised weight row (float precision mode)
    let widestRow: Int
    /// Quantised activations: two slots so that a sub-layer's input can be quantised for two formats.
    let activations: UnsafeMutableRawPointer
    let activationSlotBytes: Int
    let activationRowBytes: Int

    init(config c: ModelConfig, maxTokens: Int, capacity: Int, workers: Int) {
        self.maxTokens = maxTokens
        let d = c.embeddingLength
        let qd = c.headCount * c.headDimension
        let kd = c.headCountKV * c.headDimension
        let vd = c.headCountKV * c.valueDimension
        let ad = c.headCount * c.valueDimension
        let ff = c.feedForwardLength
        func buf(_ n: Int) -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: n)
            p.initialize(repeating: 0, count: n)
            return p
        }
        x = buf(maxTokens * d)
        normed = buf(maxTokens * d)
        q = buf(maxTokens * qd)
        k = buf(maxTokens * kd)
        v = buf(maxTokens * vd)
        attention = buf(maxTokens * ad)
        projected = buf(maxTokens * d)
        gate = buf(maxTokens * ff)
        up = buf(maxTokens * ff)
        scoreStride = (capacity + KVCache.pagePositions - 1) / KVCache.pagePositions * KVCache.pagePositions
        scores = buf(workers * c.groupSize * scoreStride)
        partial = buf(workers * c.groupSize * c.valueDimension)
        widestRow = max(d, ff, ad)
        weightRows = buf(workers * widestRow)
        // The widest activation row: any input width, in the largest activation format (f32 = 4 bytes/value).
        let widest = max(d, ff, ad)
        activationRowBytes = (widest * 4 + 63) / 64 * 64
        activationSlotBytes = activationRowBytes * maxTokens
        activations = .allocate(byteCount: 2 * activationSlotBytes, alignment: 64)
    }

    deinit {
        for p in [x, normed, q, k, v, attention, projected, gate, up, scores, partial, weightRows] { p.deallocate() }
        activations.deallocate()
    }
}
