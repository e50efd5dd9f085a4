/// Variability of an item: each measure is computed within each identical prompt (paraphrase) and averaged over
/// the item's paraphrases that have labelled samples (flip rate and D over those with at least two).
public struct ItemVariability: Codable, Sendable, Equatable {
    /// Mean entropy in bits.
    public var entropyBits: Double
    /// Mean consistency rate.
    public var consistency: Double
    /// Mean pairwise disagreement D (nil when no paraphrase has two labelled samples).
    public var disagreement: Double?
    /// Mean flip rate (nil when no paraphrase has two labelled samples).
    public var flipRate: Double?
    /// Whether every paraphrase gave identical labels across its samples.
    public var allIdentical: Bool
    /// Internal variance r̂(1 − r̂) of the item's rate.
    public var internalVariance: Double

    /// Creates variability from its parts.
    public init(entropyBits: Double, consistency: Double, disagreement: Double?, flipRate: Double?,
                allIdentical: Bool, internalVariance: Double) {
        self.entropyBits = entropyBits
        self.consistency = consistency
        self.disagreement = disagreement
        self.flipRate = flipRate
        self.allIdentical = allIdentical
        self.internalVariance = internalVariance
    }

    /// Averages per-paraphrase variability; nil when there is none.
    init?(variants: [VariabilityMetrics], rate: Double) {
        guard !variants.isEmpty else { return nil }
        func average(_ values: [Double]) -> Double? {
            values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        }
        self.init(
            entropyBits: average(variants.map(\.entropyBits)) ?? 0,
            consistency: average(variants.map(\.consistency)) ?? 0,
            disagreement: average(variants.compactMap(\.disagreement)),
            flipRate: average(variants.compactMap(\.flipRate)),
            allIdentical: variants.allSatisfy(\.allIdentical),
            internalVariance: rate * (1 - rate)
        )
    }

    enum CodingKeys: String, CodingKey {
        case entropyBits = "entropy_bits"
        case consistency, disagreement
        case flipRate = "flip_rate"
        case allIdentical = "all_identical"
        case internalVariance = "internal_variance"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(entropyBits, forKey: .entropyBits)
        try c.encode(consistency, forKey: .consistency)
        try c.encode(disagreement, forKey: .disagreement)
        try c.encode(flipRate, forKey: .flipRate)
        try c.encode(allIdentical, forKey: .allIdentical)
        try c.encode(internalVariance, forKey: .internalVariance)
    }
}
