/// Headline rates corrected for an imperfect judge: r_true ≈ (r_obs + spec − 1)/(sens + spec − 1), clipped to
/// [0, 1], with the judge's sensitivity and specificity measured against human labels over the whole run.
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
