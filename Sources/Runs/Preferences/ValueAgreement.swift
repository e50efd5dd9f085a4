import Statistics

/// For one value: does the model's utility ranking agree with the value? Compares the outcomes that uphold the
/// value with those that violate it.
public struct ValueAgreement: Codable, Sendable, Equatable {
    /// The value.
    public var value: String
    /// Outcomes that uphold it.
    public var upholding: Int
    /// Outcomes that violate it.
    public var violating: Int
    /// Mean over every (upholds, violates) pair of the fitted P(upholds ≻ violates) = Φ((μᵤ − μᵥ)/√(σᵤ² + σᵥ²)),
    /// with a percentile bootstrap interval (edges resampled, model refitted).
    public var preference: Interval
    /// Mean utility of the upholding outcomes minus that of the violating ones, with a bootstrap interval.
    public var utilityDifference: Interval
    /// P̂(upholds ≻ violates) pooled over the (upholds, violates) pairs that were asked directly; `nil` when none was.
    public var observedPreference: Double?
    /// How many (upholds, violates) pairs were asked directly.
    public var observedPairs: Int

    /// Whether the interval of ``preference`` lies wholly above ½ ("agrees"), wholly below ("disagrees"), or
    /// covers it ("unclear").
    public var verdict: String {
        if preference.lower > 0.5 { return "agrees" }
        if preference.upper < 0.5 { return "disagrees" }
        return "unclear"
    }
}
