import CKernels
import Inference

/// `out[t, r] = Σₖ x[t, k] · weight[r, k] + bias[r]` for `t < tokens`, `r < outputs` (a PyTorch `Linear` on a
/// batch of rows), with the rows of `weight` shared out among the pool's workers.
///
/// Each output is one AVX2 dot product (`vp_matmul` with f32 weights), so a row's result does not depend on
/// which other rows are in the batch. Tokens are taken in chunks so that a chunk's activations stay in cache
/// while a worker's weight rows pass over them.
func denseProduct(
    pool: WorkerPool, x: UnsafePointer<Float>, tokens: Int, inputs: Int,
    weight: UnsafePointer<Float>, bias: UnsafePointer<Float>, outputs: Int, out: UnsafeMutablePointer<Float>
) {
    guard tokens > 0, outputs > 0 else { return }
    let chunk = 64
    pool.parallelFor(outputs, granularity: 8) { rows in
        let width = rows.count
        var t0 = 0
        while t0 < tokens {
            let count = min(chunk, tokens - t0)
            vp_matmul(Int32(VP_F32.rawValue), Int64(inputs), weight, x + t0 * inputs, inputs * 4,
                      out + t0 * outputs, outputs, Int64(rows.lowerBound), Int64(rows.upperBound), Int64(count))
            for t in t0 ..< t0 + count {
                let row = out + t * outputs + rows.lowerBound
                vp_add_f32(row, bias + rows.lowerBound, row, Int64(width))
            }
            t0 += count
        }
    }
}
