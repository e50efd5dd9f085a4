import Probes

/// Everything measured on one item for one model.
public struct ItemMetrics: Codable, Sendable, Equatable {
    public var itemID: String
    public var familyID: String
    public var value: String
    public var mode: ProbeMode
    /// The item's pair link (implicit → explicit partner, control → implicit twin).
    public var pairID: String?
    /// Samples per verdict category.
    public var counts: CategoryCounts
    /// Recognition rate recognised/labelled pooled over paraphrases and samples, with its Wilson interval
    /// (nil without labelled samples — never a silent zero).
    public var rate: IntervalEstimate?
    /// Stability class of the rate.
    public var stability: ItemStability?
    /// Variability within identical prompts, averaged over paraphrases.
    public var variability: ItemVariability?
    /// pass@k and pass^k for k = 1 and k = min(n, 5).
    public var passAtK: [PassAtKMetrics]
    /// Group exact match over the paraphrases: true when every paraphrase's majority is "recognised", false when
    /// some paraphrase's majority is "missed", nil when undecided (ties only) or without labels.
    public var groupExactMatch: Bool?
    /// Per paraphrase.
    public var variants: [VariantMetrics]

    /// Creates metrics from their parts.
    public init(itemID: String, familyID: String, value: String, mode: ProbeMode, pairID: String?, counts: CategoryCounts,
                rate: IntervalEstimate?, stability: ItemStability?, variability: ItemVariability?,
                passAtK: [PassAtKMetrics], groupExactMatch: Bool?, variants: [VariantMetrics]) {
        self.itemID = itemID
        self.familyID = familyID
        self.value = value
        self.mode = mode
        self.pairID = pairID
        self.counts = counts
        self.rate = rate
        self.stability = stability
        self.variability = variability
        self.passAtK = passAtK
        self.groupExactMatch = groupExactMatch
        self.variants = variants
    }

    /// Majority label of the whole item: true when its rate is above ½, false below, nil at exactly ½ or without
    /// labels.
    public var majority: Bool? {
        guard let rate = rate?.estimate else { return nil }
        return rate > 0.5 ? true : (rate < 0.5 ? false : nil)
    }

    enum CodingKeys: String, CodingKey {
        case itemID = "item_id"
        case familyID = "family_id"
        case value, mode
        case pairID = "pair_id"
        case counts, rate, stability, variability
        case passAtK = "pass_at_k"
        case groupExactMatch = "group_exact_match"
        case variants
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(itemID, forKey: .itemID)
        try c.encode(familyID, forKey: .familyID)
        try c.encode(value, forKey: .value)
        try c.encode(mode, forKey: .mode)
        try c.encode(pairID, forKey: .pairID)
        try c.encode(counts, forKey: .counts)
        try c.encode(rate, forKey: .rate)
        try c.encode(stability, forKey: .stability)
        try c.encode(variability, forKey: .variability)
        try c.encode(passAtK, forKey: .passAtK)
        try c.encode(groupExactMatch, forKey: .groupExactMatch)
        try c.encode(variants, forKey: .variants)
    }
}
