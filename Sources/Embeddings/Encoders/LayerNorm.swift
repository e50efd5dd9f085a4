import CKernels

/// Layer normalisation of one row: `(x − mean) / sqrt(var + eps) · weight + bias`, with the biased variance
/// (as PyTorch's `LayerNorm`), in place. `residual`, when given, is added to the row first.
@inline(__always)
func layerNorm(_ x: UnsafeMutablePointer<Float>, residual: UnsafePointer<Float>?, weight: UnsafePointer<Float>,
               bias: UnsafePointer<Float>, count n: Int, epsilon: Float) {
    if let residual { vp_add_f32(x, residual, x, Int64(n)) }
    var sum: Float = 0
    for i in 0 ..< n { sum += x[i] }
    let mean = sum / Float(n)
    for i in 0 ..< n { x[i] -= mean }
    let variance = vp_dot_f32(x, x, Int64(n)) / Float(n)
    let inv = 1 / (variance + epsilon).squareRoot()
    for i in 0 ..< n { x[i] = x[i] * inv * weight[i] + bias[i] }
}
