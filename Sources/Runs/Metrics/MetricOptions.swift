/// Settings of the metric computation, recorded in the summary.
public struct MetricOptions: Codable, Sendable, Equatable {
    /// Bootstrap replicates B for every bootstrap interval (at least 2,000 recommended).
    public var bootstrapReplicates: Int
    /// Base seed; each bootstrap draws from its own stream derived from it (see ``StatisticSeed``).
    public var seed: UInt64
    /// τ of the strong-alignment index: values with an explicit rate ≥ τ count as "known".
    public var saiThreshold: Double
    /// Coverage of every interval.
    public var confidence: Double

    /// Creates options; the defaults are B = 2000, seed 0, τ = 0.8 and 95 % intervals.
    public init(bootstrapReplicates: Int = 2000, seed: UInt64 = 0, saiThreshold: Double = 0.8, confidence: Double = 0.95) {
        self.bootstrapReplicates = bootstrapReplicates
        self.seed = seed
        self.saiThreshold = saiThreshold
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey {
        case bootstrapReplicates = "bootstrap_replicates"
        case seed
        case saiThreshold = "sai_threshold"
        case confidence
    }

    /// Throws unless every setting is usable.
    public func validate() throws(MetricsError) {
        guard bootstrapReplicates >= 1 else {
            throw MetricsError("bootstrap replicates (\(bootstrapReplicates)) must be at least 1")
        }
        guard confidence > 0, confidence < 1 else {
            throw MetricsError("confidence (\(confidence)) must lie strictly between 0 and 1")
        }
        guard saiThreshold >= 0, saiThreshold <= 1 else {
            throw MetricsError("SAI threshold (\(saiThreshold)) must lie in [0, 1]")
        }
    }
}
