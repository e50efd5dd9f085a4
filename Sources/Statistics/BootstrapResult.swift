/// A statistic with a percentile bootstrap interval, and what is needed to reproduce it.
public struct BootstrapResult: Sendable, Codable, Equatable, Hashable {
    /// The statistic on the observed data (not the mean of the replicates).
    public var estimate: Double
    /// The percentile interval: quantiles (1 − confidence)/2 and (1 + confidence)/2 of the replicates, with linear
    /// interpolation; `interval.estimate` equals `estimate`.
    public var interval: Interval
    /// Standard deviation of the replicate statistics (n − 1 denominator; 0 when there is one replicate).
    public var standardError: Double
    /// Number of bootstrap replicates B.
    public var replicates: Int
    /// Seed of the `SeededGenerator` that drew the replicates.
    public var seed: UInt64
    /// Number of top-level units resampled (items, or pairs for a paired bootstrap).
    public var units: Int

    /// Creates a result from its parts, as stored.
    public init(estimate: Double, interval: Interval, standardError: Double, replicates: Int, seed: UInt64, units: Int) {
        self.estimate = estimate
        self.interval = interval
        self.standardError = standardError
        self.replicates = replicates
        self.seed = seed
        self.units = units
    }

    /// Builds the result from the replicate statistics (in any order).
    static func summarising(
        _ statistics: [Double], estimate: Double, confidence: Double, seed: UInt64, units: Int
    ) -> BootstrapResult {
        let sorted = statistics.sorted()
        let tail = (1 - confidence) / 2
        let lower = quantileOfSorted(sorted, tail) ?? estimate
        let upper = quantileOfSorted(sorted, 1 - tail) ?? estimate
        return BootstrapResult(
            estimate: estimate,
            interval: Interval(lower: lower, upper: upper, estimate: estimate, confidence: confidence),
            standardError: standardDeviation(statistics) ?? 0,
            replicates: statistics.count,
            seed: seed,
            units: units
        )
    }
}

/// Throws unless the replicate count is at least 1.
func checkReplicates(_ replicates: Int, in function: String) throws(StatisticsError) {
    guard replicates >= 1 else {
        throw StatisticsError(function: function, reason: "replicates (\(replicates)) must be at least 1")
    }
}
