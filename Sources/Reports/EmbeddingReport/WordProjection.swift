import Embeddings

/// A 2-D principal-component projection of some words of a space.
///
/// The words' vectors are unit-normalised (cosine geometry) and centred; the two leading principal components
/// come from the thin SVD of the centred matrix (``SingularValueDecomposition``). Each axis's sign is fixed so
/// that the word with the largest absolute coordinate on it is positive, making the plot reproducible.
public struct WordProjection: Sendable, Codable, Equatable {
    /// The projected words, in the order given (words missing from the space are left out).
    public var words: [String]
    /// First principal component coordinate per word.
    public var x: [Double]
    /// Second principal component coordinate per word (0 when there is only one component).
    public var y: [Double]
    /// Share of the words' total variance on each of the two axes.
    public var explainedVariance: [Double]

    /// Creates a projection from its parts.
    public init(words: [String], x: [Double], y: [Double], explainedVariance: [Double]) {
        self.words = words
        self.x = x
        self.y = y
        self.explainedVariance = explainedVariance
    }

    enum CodingKeys: String, CodingKey {
        case words, x, y
        case explainedVariance = "explained_variance"
    }

    /// Projects the words of `words` that `space` contains; nil when fewer than 3 are present.
    public static func principalComponents(of words: [String], in space: VectorSpace) throws(EmbeddingError) -> WordProjection? {
        var seen = Set<String>()
        let present = words.filter { space.contains($0) && seen.insert($0).inserted }
        guard present.count >= 3 else { return nil }
        let n = present.count
        let d = space.dimension
        var matrix = [Double](repeating: 0, count: n * d)
        for (i, word) in present.enumerated() {
            let vector = try space.vector(for: word).map(Double.init)
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            for j in 0..<d { matrix[i * d + j] = norm > 0 ? vector[j] / norm : 0 }
        }
        for j in 0..<d {
            var mean = 0.0
            for i in 0..<n { mean += matrix[i * d + j] }
            mean /= Double(n)
            for i in 0..<n { matrix[i * d + j] -= mean }
        }
        // Scores = the centred rows in the basis of the leading right singular vectors: X·v_k = u_k·σ_k.
        var scores: [[Double]] = [[], []]
        let svd = try JacobiSVD.decompose(DenseMatrix(rows: n, columns: d, values: matrix))
        let sigma = svd.singularValues
        for k in 0..<min(2, sigma.count) {
            scores[k] = (0..<n).map { svd.u.values[$0 * svd.u.columns + k] * sigma[k] }
        }
        for k in 0..<2 where !scores[k].isEmpty {
            if let largest = scores[k].max(by: { abs($0) < abs($1) }), largest < 0 {
                scores[k] = scores[k].map { -$0 }
            }
        }
        let total = sigma.reduce(0) { $0 + $1 * $1 }
        let explained = (0..<2).map { k in k < sigma.count && total > 0 ? sigma[k] * sigma[k] / total : 0 }
        return WordProjection(words: present, x: scores[0],
                              y: scores[1].isEmpty ? [Double](repeating: 0, count: n) : scores[1],
                              explainedVariance: explained)
    }
}
