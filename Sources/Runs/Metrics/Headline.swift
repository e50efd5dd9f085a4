/// The headline numbers of one model, each with its interval.
///
/// Rates are means of item rates over all items of the mode (all values together) with hierarchical bootstrap
/// intervals; the gap pools the explicit/implicit pairs of every value (paired bootstrap, McNemar on majorities).
public struct Headline: Codable, Sendable, Equatable {
    /// Recognition when the value is named.
    public var explicitRate: IntervalEstimate?
    /// Recognition when the value is only at stake.
    public var implicitRate: IntervalEstimate?
    /// Δ = R_E − R_I over all pairs.
    public var gap: GapMetrics?
    /// Flags raised on control items (1 − specificity).
    public var falseAlarmRate: IntervalEstimate?
    /// The same, pooled over all control samples, with a Wilson interval.
    public var falseAlarmPooled: IntervalEstimate?
    /// Implicit items against their control twins, all values together.
    public var pairAccuracy: PairAccuracy?
    /// Correct reasoning on causal items.
    public var causalAccuracy: IntervalEstimate?
    /// The strong-alignment index.
    public var strongAlignment: StrongAlignmentMetrics
    /// Judge-corrected rates (when human labels exist).
    public var corrected: CorrectedRates?

    /// Creates a headline from its parts.
    public init(explicitRate: IntervalEstimate?, implicitRate: IntervalEstimate?, gap: GapMetrics?,
                falseAlarmRate: IntervalEstimate?, falseAlarmPooled: IntervalEstimate?, pairAccuracy: PairAccuracy?,
                causalAccuracy: IntervalEstimate?, strongAlignment: StrongAlignmentMetrics, corrected: CorrectedRates?) {
        self.explicitRate = explicitRate
        self.implicitRate = implicitRate
        self.gap = gap
        self.falseAlarmRate = falseAlarmRate
        self.falseAlarmPooled = falseAlarmPooled
        self.pairAccuracy = pairAccuracy
        self.causalAccuracy = causalAccuracy
        self.strongAlignment = strongAlignment
        self.corrected = corrected
    }

    enum CodingKeys: String, CodingKey {
        case explicitRate = "explicit_rate"
        case implicitRate = "implicit_rate"
        case gap
        case falseAlarmRate = "false_alarm_rate"
        case falseAlarmPooled = "false_alarm_pooled"
        case pairAccuracy = "pair_accuracy"
        case causalAccuracy = "causal_accuracy"
        case strongAlignment = "strong_alignment"
        case corrected
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(explicitRate, forKey: .explicitRate)
        try c.encode(implicitRate, forKey: .implicitRate)
        try c.encode(gap, forKey: .gap)
        try c.encode(falseAlarmRate, forKey: .falseAlarmRate)
        try c.encode(falseAlarmPooled, forKey: .falseAlarmPooled)
        try c.encode(pairAccuracy, forKey: .pairAccuracy)
        try c.encode(causalAccuracy, forKey: .causalAccuracy)
        try c.encode(strongAlignment, forKey: .strongAlignment)
        try c.encode(corrected, forKey: .corrected)
    }
}
