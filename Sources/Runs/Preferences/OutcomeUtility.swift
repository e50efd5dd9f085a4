import Probes

/// One outcome's fitted utility (normalised scale: the means have mean 0 and SD 1) with its bootstrap interval.
public struct OutcomeUtility: Codable, Sendable, Equatable {
    /// The outcome's id.
    public var id: String
    /// The outcome's text.
    public var text: String
    /// The value it upholds or violates (`nil` for a neutral outcome).
    public var value: String?
    /// Its polarity.
    public var polarity: OutcomePolarity
    /// The fitted mean utility μ.
    public var utility: Double
    /// The fitted variance σ².
    public var variance: Double
    /// Lower end of the percentile bootstrap interval of μ.
    public var lower: Double
    /// Upper end of the percentile bootstrap interval of μ.
    public var upper: Double
    /// Counted answers (or probability mass) over the outcome's comparisons.
    public var comparisons: Double
}
