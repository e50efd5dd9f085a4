/// One paraphrase (identical prompt) of an item: its labels and their variability.
public struct VariantMetrics: Codable, Sendable, Equatable {
    /// 0 = the main prompt, k = the k-th paraphrase.
    public var variant: Int
    /// Labelled samples.
    public var labelled: Int
    /// Recognised samples.
    public var recognised: Int
    /// recognised / labelled (nil without labelled samples).
    public var rate: Double?
    /// Majority label: true when more than half are recognised, false when fewer than half, nil on a tie or
    /// without labels (a tie is never scored as either).
    public var majority: Bool?
    /// Variability of the labels in sampling order.
    public var variability: VariabilityMetrics?

    /// Creates metrics from their parts.
    public init(variant: Int, labelled: Int, recognised: Int, rate: Double?, majority: Bool?, variability: VariabilityMetrics?) {
        self.variant = variant
        self.labelled = labelled
        self.recognised = recognised
        self.rate = rate
        self.majority = majority
        self.variability = variability
    }

    enum CodingKeys: String, CodingKey {
        case variant, labelled, recognised, rate, majority, variability
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(variant, forKey: .variant)
        try c.encode(labelled, forKey: .labelled)
        try c.encode(recognised, forKey: .recognised)
        try c.encode(rate, forKey: .rate)
        try c.encode(majority, forKey: .majority)
        try c.encode(variability, forKey: .variability)
    }
}
