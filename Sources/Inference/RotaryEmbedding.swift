import Foundation

/// Rotary position embedding as ggml applies it: NORMAL rotates adjacent pairs `(x[2i], x[2i+1])`,
/// NEOX rotates `(x[i], x[i + d/2])`; pair i turns by `pos / scale · base^(−2i/d) / factor[i]`.
struct RotaryEmbedding: Sendable {
    let style: RopeStyle
    let dimension: Int
    let inverseFrequencies: [Double]
    let positionScale: Double

    init(config c: ModelConfig, frequencyFactors: [Float]?) {
        style = c.ropeStyle
        dimension = c.ropeDimension
        positionScale = Double(c.ropeScale)
        let base = Double(c.ropeFreqBase)
        inverseFrequencies = (0 ..< c.ropeDimension / 2).map { i in
            let f = pow(base, -2.0 * Double(i) / Double(c.ropeDimension))
            return f / Double(frequencyFactors?[i] ?? 1)
        }
    }

    /// cos and sin of every pair's angle at `position`, interleaved (cos0, sin0, cos1, sin1, …).
    func table(position: Int) -> [Float] {
        var t = [Float](repeating: 0, count: dimension)
        let p = Double(position) / positionScale
        for i in 0 ..< dimension / 2 {
            let theta = p * inverseFrequencies[i]
            t[2 * i] = Float(cos(theta))
            t[2 * i + 1] = Float(sin(theta))
        }
        return t
    }

    /// Rotates `heads` consecutive heads of `headSize` floats in place with a precomputed `table`.
    func apply(_ x: UnsafeMutablePointer<Float>, heads: Int, headSize: Int, table: [Float]) {
        let half = dimension / 2
        table.withUnsafeBufferPointer { t in
            for h in 0 ..< heads {
                let v = x + h * headSize
                for i in 0 ..< half {
                    let c = t[2 * i], s = t[2 * i + 1]
                    let (ia, ib) = style == .normal ? (2 * i, 2 * i + 1) : (i, i + half)
                    let a = v[ia], b = v[ib]
                    v[ia] = a * c - b * s
                    v[ib] = a * s + b * c
                }
            }
        }
    }
}
