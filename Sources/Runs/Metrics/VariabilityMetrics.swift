import Statistics

/// Variability of the recognised/missed labels of the repeated samples of one identical prompt (one paraphrase of
/// one item), in sampling order. Only labelled samples count.
public struct VariabilityMetrics: Codable, Sendable, Equatable {
    /// Labelled samples n.
    public var n: Int
    /// Distinct labels (1 or 2).
    public var distinctLabels: Int
    /// Discrete entropy −Σ p̂ log₂ p̂, in bits.
    public var entropyBits: Double
    /// Consistency rate: share of the most frequent label.
    public var consistency: Double
    /// Whether every sample carries the same label.
    public var allIdentical: Bool
    /// Share of consecutive pairs whose labels differ (nil when n < 2).
    public var flipRate: Double?
    /// Pairwise disagreement D = 1 − Σ n_c(n_c − 1)/(n(n − 1)) (nil when n < 2).
    public var disagreement: Double?

    /// Creates metrics from their parts.
    public init(n: Int, distinctLabels: Int, entropyBits: Double, consistency: Double, allIdentical: Bool,
                flipRate: Double?, disagreement: Double?) {
        self.n = n
        self.distinctLabels = distinctLabels
        self.entropyBits = entropyBits
        self.consistency = consistency
        self.allIdentical = allIdentical
        self.flipRate = flipRate
        self.disagreement = disagreement
    }

    /// The variability of `labels` (in sampling order), or nil when there is none.
    public init?(labels: [Bool]) {
        guard let summary = variabilitySummary(labels) else { return nil }
        self.init(n: summary.sampleCount, distinctLabels: summary.distinctLabels, entropyBits: summary.entropyBits,
                  consistency: summary.consistencyRate, allIdentical: summary.allIdentical,
                  flipRate: summary.flipRate, disagreement: summary.disagreement)
    }

    enum CodingKeys: String, CodingKey {
        case n
        case distinctLabels = "distinct_labels"
        case entropyBits = "entropy_bits"
        case consistency
        case allIdentical = "all_identical"
        case flipRate = "flip_rate"
        case disagreement
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(n, forKey: .n)
        try c.encode(distinctLabels, forKey: .distinctLabels)
        try c.encode(entropyBits, forKey: .entropyBits)
        try c.encode(consistency, forKey: .consistency)
        try c.encode(allIdentical, forKey: .allIdentical)
        try c.encode(flipRate, forKey: .flipRate)
        try c.encode(disagreement, forKey: .disagreement)
    }
}
