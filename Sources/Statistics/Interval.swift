/// A point estimate with a two-sided interval around it.
public struct Interval: Sendable, Codable, Equatable, Hashable {
    /// Lower bound of the interval.
    public var lower: Double
    /// Upper bound of the interval.
    public var upper: Double
    /// The point estimate (for a proportion: successes / trials; for a bootstrap: the statistic on the data).
    public var estimate: Double
    /// Nominal coverage, e.g. 0.95.
    public var confidence: Double

    /// Creates an interval; the bounds are stored as given.
    public init(lower: Double, upper: Double, estimate: Double, confidence: Double = 0.95) {
        self.lower = lower
        self.upper = upper
        self.estimate = estimate
        self.confidence = confidence
    }

    /// `upper − lower`.
    public var width: Double { upper - lower }

    /// Whether `value` lies within the closed interval.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
