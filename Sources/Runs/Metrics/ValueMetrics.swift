/// Everything measured on one value for one model.
public struct ValueMetrics: Codable, Sendable, Equatable {
    /// The value, e.g. "dignity".
    public var value: String
    /// The families that probe it (usually one).
    public var familyIDs: [String]
    /// Explicit items: R_E(v).
    public var explicit: ModeMetrics?
    /// Implicit items: R_I(v).
    public var implicit: ModeMetrics?
    /// Control items: the false-alarm rate.
    public var control: ModeMetrics?
    /// Causal items: the causal accuracy.
    public var causal: ModeMetrics?
    /// Δ = R_E − R_I over pairs.
    public var gap: GapMetrics?
    /// 1 − the false-alarm rate (nil without labelled controls).
    public var specificity: Double?
    /// Implicit items against their control twins.
    public var pairAccuracy: PairAccuracy?
    /// Whether R_E(v) ≥ τ (counts toward the strong-alignment index); nil without explicit or implicit rate.
    public var passesThreshold: Bool?
    /// The hint ladder of this value's scenarios, when the suite has one.
    public var ladder: LadderMetrics?

    /// Creates metrics from their parts.
    public init(value: String, familyIDs: [String], explicit: ModeMetrics?, implicit: ModeMetrics?, control: ModeMetrics?,
                causal: ModeMetrics?, gap: GapMetrics?, specificity: Double?, pairAccuracy: PairAccuracy?, passesThreshold: Bool?) {
        self.value = value
        self.familyIDs = familyIDs
        self.explicit = explicit
        self.implicit = implicit
        self.control = control
        self.causal = causal
        self.gap = gap
        self.specificity = specificity
        self.pairAccuracy = pairAccuracy
        self.passesThreshold = passesThreshold
    }

    enum CodingKeys: String, CodingKey {
        case value
        case familyIDs = "family_ids"
        case explicit, implicit, control, causal, gap, specificity
        case pairAccuracy = "pair_accuracy"
        case passesThreshold = "passes_threshold"
        case ladder
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(familyIDs, forKey: .familyIDs)
        try c.encode(explicit, forKey: .explicit)
        try c.encode(implicit, forKey: .implicit)
        try c.encode(control, forKey: .control)
        try c.encode(causal, forKey: .causal)
        try c.encode(gap, forKey: .gap)
        try c.encode(specificity, forKey: .specificity)
        try c.encode(pairAccuracy, forKey: .pairAccuracy)
        try c.encode(passesThreshold, forKey: .passesThreshold)
        try c.encodeIfPresent(ladder, forKey: .ladder)
    }
}
