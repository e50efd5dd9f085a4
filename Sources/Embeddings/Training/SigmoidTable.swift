import Foundation

/// The precomputed logistic function of word2vec.c/gensim: 1000 entries over [−6, 6), entry i =
/// σ((2i/1000 − 1)·6), looked up at index ⌊(f + 6)·1000/12⌋. Callers skip |f| ≥ 6 (gensim's rule for negative
/// sampling: no update when the prediction is saturated).
struct SigmoidTable {
    static let size = 1000
    static let maxExp: Float = 6
    /// 1000 / 6 / 2, evaluated as a real number as gensim's Cython (language level 3) does.
    static let scale: Float = Float(size) / maxExp / 2

    let values: [Float]

    init() {
        values = (0 ..< Self.size).map { i in
            let e = exp((Double(i) / Double(Self.size) * 2 - 1) * Double(Self.maxExp))
            return Float(e / (e + 1))
        }
    }

    /// σ(f) for −6 < f < 6.
    func callAsFunction(_ f: Float) -> Float {
        values[min(Self.size - 1, max(0, Int((f + Self.maxExp) * Self.scale)))]
    }
}
