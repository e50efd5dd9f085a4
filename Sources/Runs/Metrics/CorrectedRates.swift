/// The point estimates of the per-mode corrections (``ModelSummary/judgeCorrection``, ``ModeCorrection/corrected``):
/// Rogan–Gladen with each mode's own sensitivity and specificity. The intervals, the validity figures and the reason
/// a correction is undefined are in ``ModeCorrection``; a nil here means undefined or no samples.
public struct CorrectedRates: Codable, Sendable, Equatable {
    public var explicit: Double?
    public var implicit: Double?
    public var falseAlarm: Double?
    public var causal: Double?

    /// Creates corrected rates.
    public init(explicit: Double?, implicit: Double?, falseAlarm: Double?, causal: Double?) {
        self.explicit = explicit
        self.implicit = implicit
        self.falseAlarm = falseAlarm
        self.causal = causal
    }

    enum CodingKeys: String, CodingKey {
        case explicit, implicit
        case falseAlarm = "false_alarm"
        case causal
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(explicit, forKey: .explicit)
        try c.encode(implicit, forKey: .implicit)
        try c.encode(falseAlarm, forKey: .falseAlarm)
        try c.encode(causal, forKey: .causal)
    }
}
