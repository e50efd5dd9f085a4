import CKernels
import Inference

/// A PyTorch `Linear` layer, `out[t, r] = Σₖ x[t, k] · weight[r, k] + bias[r]`, with the weight packed once
/// into the 16-column panels of `vp_gemm_f32_packed` (the register-blocked f32 GEMM in CKernels).
///
/// Applied to a batch of rows, the output columns are shared out among the pool's workers in whole panels.
/// Each output is one fused multiply-add chain over `k`, so a row's result does not depend on the other rows
/// of the batch, on the thread count, or on the kernel path (AVX2 or scalar).
struct PackedLinear: Sendable {
    let inputs: Int
    let outputs: Int
    /// The weight `[outputs, inputs]` packed by `vp_gemm_f32_pack`.
    let packed: [Float]
    let bias: [Float]

    /// Packs `weight` (`outputs × inputs`, rows contiguous) and keeps `bias` (`outputs` floats).
    init(weight: [Float], bias: [Float], outputs: Int, inputs: Int) {
        self.inputs = inputs
        self.outputs = outputs
        self.bias = bias
        var packed = [Float](repeating: 0, count: vp_gemm_f32_packed_floats(Int64(inputs), Int64(outputs)))
        weight.withUnsafeBufferPointer { w in
            packed.withUnsafeMutableBufferPointer { p in
                guard let wb = w.baseAddress, let pb = p.baseAddress else { return }
                vp_gemm_f32_pack(Int64(inputs), Int64(outputs), wb, inputs, 1, pb)
            }
        }
        self.packed = packed
    }

    /// `out` (`tokens × outputs`, rows contiguous) from `x` (`tokens × inputs`).
    func apply(pool: WorkerPool, x: UnsafePointer<Float>, tokens: Int, out: UnsafeMutablePointer<Float>) {
        guard tokens > 0, outputs > 0 else { return }
        packed.withUnsafeBufferPointer { p in
            bias.withUnsafeBufferPointer { b in
                pool.parallelFor(outputs, granularity: 16) { columns in
                    vp_gemm_f32_packed(Int64(tokens), Int64(inputs), x, inputs, p.baseAddress, Int64(outputs),
                                       Int64(columns.lowerBound), Int64(columns.upperBound), b.baseAddress, out, outputs)
                }
            }
        }
    }
}
