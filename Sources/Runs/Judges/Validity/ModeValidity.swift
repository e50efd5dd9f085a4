import Probes

/// How well one judge agrees with human labels on the responses to items of one mode.
///
/// Definitions (``JudgeEvaluation`` computes them; `docs/judging.md` states them):
/// - sensitivity = P(judge recognised | human recognised); specificity = P(judge missed | human missed). Both
///   count every judge category in the denominator (a human-recognised response the judge calls unparseable
///   counts against sensitivity). Wilson intervals.
/// - balanced accuracy = the mean recall over the human classes present (recognised, missed and, where any row
///   has it, refused); κ = Cohen's κ over the categories; both with a percentile bootstrap over rows.
public struct ModeValidity: Codable, Sendable, Equatable {
    /// The mode.
    public var mode: ProbeMode
    /// Labelled responses of this mode.
    public var rows: Int
    /// Human label × judge category.
    public var confusion: VerdictConfusion
    public var sensitivity: IntervalEstimate?
    public var specificity: IntervalEstimate?
    public var balancedAccuracy: IntervalEstimate?
    public var kappa: IntervalEstimate?

    /// Creates figures from their parts.
    public init(mode: ProbeMode, rows: Int, confusion: VerdictConfusion, sensitivity: IntervalEstimate?,
                specificity: IntervalEstimate?, balancedAccuracy: IntervalEstimate?, kappa: IntervalEstimate?) {
        self.mode = mode
        self.rows = rows
        self.confusion = confusion
        self.sensitivity = sensitivity
        self.specificity = specificity
        self.balancedAccuracy = balancedAccuracy
        self.kappa = kappa
    }

    enum CodingKeys: String, CodingKey {
        case mode, rows, confusion, sensitivity, specificity
        case balancedAccuracy = "balanced_accuracy"
        case kappa
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mode, forKey: .mode)
        try c.encode(rows, forKey: .rows)
        try c.encode(confusion, forKey: .confusion)
        try c.encode(sensitivity, forKey: .sensitivity)
        try c.encode(specificity, forKey: .specificity)
        try c.encode(balancedAccuracy, forKey: .balancedAccuracy)
        try c.encode(kappa, forKey: .kappa)
    }
}
