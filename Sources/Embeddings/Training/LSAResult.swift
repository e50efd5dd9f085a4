/// What ``LSATrainer`` returns.
public struct LSAResult: Sendable {
    /// Word vectors V_k·Σ_k^α, rows in descending corpus-count order; named "lsa".
    public let space: VectorSpace
    /// σ₁ ≥ … ≥ σ_k of the TF-IDF matrix.
    public let singularValues: [Double]
    /// Corpus count of each word, parallel to `space.words`.
    public let counts: [Int]
    public let statistics: LSAStatistics
}

/// Sizes and timings of one LSA run.
public struct LSAStatistics: Sendable, Codable, Hashable {
    public var documents: Int
    public var terms: Int
    public var nonZeros: Int
    /// Building the vocabulary and the TF-IDF matrix.
    public var matrixSeconds: Double
    /// The randomized SVD.
    public var svdSeconds: Double
    /// Process CPU time (all threads) of the whole run.
    public var cpuSeconds: Double
    public var threads: Int
}
