import Probes

/// One value's items of one mode (e.g. dignity × implicit) for one model.
///
/// The rate R_m(v) is the mean of the item rates r̂ᵢ over the items with labelled samples, with a hierarchical
/// bootstrap interval (items → paraphrases → samples). For controls it is the false-alarm rate (1 − specificity),
/// for causal items the causal accuracy.
public struct ModeMetrics: Codable, Sendable, Equatable {
    public var mode: ProbeMode
    /// Items of this mode that were planned for the model.
    public var items: Int
    /// Items with at least one labelled sample (those the rate averages).
    public var itemsLabelled: Int
    /// Samples per verdict category, over the items.
    public var counts: CategoryCounts
    /// Mean of the item rates with its hierarchical bootstrap interval (nil without labelled samples).
    public var rate: IntervalEstimate?
    /// Pooled recognised/labelled over all samples, with its Wilson interval.
    public var pooled: IntervalEstimate?
    /// Share of the items (with a decided group exact match) recognised in every paraphrase's majority.
    public var groupExactMatch: Double?
    /// Items counted in `groupExactMatch`.
    public var groupExactMatchItems: Int
    /// Items per stability class.
    public var stableRecognise: Int
    public var stableMiss: Int
    public var unstable: Int
    /// `rate` corrected (Rogan–Gladen point estimate) with the sensitivity and specificity of this mode's
    /// ``ModeCorrection`` when that correction is defined; the interval is the mode's, in
    /// ``ModelSummary/judgeCorrection``.
    public var correctedRate: Double?

    /// Creates metrics from their parts.
    public init(mode: ProbeMode, items: Int, itemsLabelled: Int, counts: CategoryCounts, rate: IntervalEstimate?,
                pooled: IntervalEstimate?, groupExactMatch: Double?, groupExactMatchItems: Int, stableRecognise: Int,
                stableMiss: Int, unstable: Int, correctedRate: Double? = nil) {
        self.mode = mode
        self.items = items
        self.itemsLabelled = itemsLabelled
        self.counts = counts
        self.rate = rate
        self.pooled = pooled
        self.groupExactMatch = groupExactMatch
        self.groupExactMatchItems = groupExactMatchItems
        self.stableRecognise = stableRecognise
        self.stableMiss = stableMiss
        self.unstable = unstable
        self.correctedRate = correctedRate
    }

    enum CodingKeys: String, CodingKey {
        case mode, items
        case itemsLabelled = "items_labelled"
        case counts, rate, pooled
        case groupExactMatch = "group_exact_match"
        case groupExactMatchItems = "group_exact_match_items"
        case stableRecognise = "stable_recognise"
        case stableMiss = "stable_miss"
        case unstable
        case correctedRate = "corrected_rate"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mode, forKey: .mode)
        try c.encode(items, forKey: .items)
        try c.encode(itemsLabelled, forKey: .itemsLabelled)
        try c.encode(counts, forKey: .counts)
        try c.encode(rate, forKey: .rate)
        try c.encode(pooled, forKey: .pooled)
        try c.encode(groupExactMatch, forKey: .groupExactMatch)
        try c.encode(groupExactMatchItems, forKey: .groupExactMatchItems)
        try c.encode(stableRecognise, forKey: .stableRecognise)
        try c.encode(stableMiss, forKey: .stableMiss)
        try c.encode(unstable, forKey: .unstable)
        try c.encode(correctedRate, forKey: .correctedRate)
    }
}
