/// How much repeated answers to one identical prompt vary ("non-repeatable" behaviour).
public struct VariabilitySummary: Sendable, Codable, Equatable, Hashable {
    /// Number of samples n.
    public var sampleCount: Int
    /// Number of distinct labels or clusters (NumSets).
    public var distinctLabels: Int
    /// Discrete entropy −Σ p̂(c) ln p̂(c), in nats.
    public var entropyNats: Double
    /// The same entropy in bits.
    public var entropyBits: Double
    /// Consistency rate CR = max_c p̂(c).
    public var consistencyRate: Double
    /// Whether all n samples carry the same label.
    public var allIdentical: Bool
    /// Share of consecutive sample pairs whose labels differ (order-dependent); `nil` when n < 2.
    public var flipRate: Double?
    /// Pairwise disagreement D = 1 − Σ n_c(n_c − 1)/(n(n − 1)) (unbiased Gini–Simpson; order-free); `nil` when n < 2.
    public var disagreement: Double?
    /// For binary outcomes: the recognition rate r̂; otherwise `nil`.
    public var rate: Double?
    /// For binary outcomes: the internal variance r̂(1 − r̂); otherwise `nil`.
    public var internalVariance: Double?
    /// For binary outcomes: the stability class of r̂ (default thresholds); otherwise `nil`.
    public var stability: StabilityClass?

    /// Creates a summary from its parts, as stored.
    public init(
        sampleCount: Int, distinctLabels: Int, entropyNats: Double, entropyBits: Double, consistencyRate: Double,
        allIdentical: Bool, flipRate: Double?, disagreement: Double?, rate: Double? = nil,
        internalVariance: Double? = nil, stability: StabilityClass? = nil
    ) {
        self.sampleCount = sampleCount
        self.distinctLabels = distinctLabels
        self.entropyNats = entropyNats
        self.entropyBits = entropyBits
        self.consistencyRate = consistencyRate
        self.allIdentical = allIdentical
        self.flipRate = flipRate
        self.disagreement = disagreement
        self.rate = rate
        self.internalVariance = internalVariance
        self.stability = stability
    }
}

/// Summarises the variability of the labels (verdicts, actions or cluster ids) of n samples of one prompt,
/// given in sampling order.
///
/// - Returns: `nil` for an empty input.
public func variabilitySummary<Label: Hashable>(_ labels: [Label]) -> VariabilitySummary? {
    summariseLabels(labels)
}

/// Summarises binary outcomes (recognised = `true`), adding the rate, internal variance and stability class.
///
/// - Returns: `nil` for an empty input.
public func variabilitySummary(_ outcomes: [Bool]) -> VariabilitySummary? {
    guard var summary = summariseLabels(outcomes), let rate = proportion(outcomes) else { return nil }
    summary.rate = rate
    summary.internalVariance = internalVariance(rate: rate)
    summary.stability = StabilityClass(rate: rate)
    return summary
}

private func summariseLabels<Label: Hashable>(_ labels: [Label]) -> VariabilitySummary? {
    let counts = labelCounts(labels)
    guard let nats = uncheckedEntropy(counts.map(Double.init)), let largest = counts.max() else { return nil }
    return VariabilitySummary(
        sampleCount: labels.count,
        distinctLabels: counts.count,
        entropyNats: nats,
        entropyBits: InformationUnit.bits.fromNats(nats),
        consistencyRate: Double(largest) / Double(labels.count),
        allIdentical: counts.count == 1,
        flipRate: flipRate(labels),
        disagreement: disagreement(counts: counts)
    )
}

/// Consistency rate CR = (count of the most frequent label)/n, or `nil` for an empty input.
public func consistencyRate<Label: Hashable>(_ labels: [Label]) -> Double? {
    guard let largest = labelCounts(labels).max() else { return nil }
    return Double(largest) / Double(labels.count)
}

/// Flip rate: the share of the n − 1 consecutive pairs (labels[i], labels[i+1]) that differ.
/// Depends on sample order. `nil` when there are fewer than 2 labels.
public func flipRate<Label: Equatable>(_ labels: [Label]) -> Double? {
    guard labels.count >= 2 else { return nil }
    var flips = 0
    for index in 1..<labels.count where labels[index] != labels[index - 1] { flips += 1 }
    return Double(flips) / Double(labels.count - 1)
}

/// Pairwise disagreement D = 1 − Σ_c n_c(n_c − 1)/(n(n − 1)): the probability that two different samples, drawn
/// without replacement, carry different labels (unbiased Gini–Simpson index; 1 − Fleiss' observed agreement for
/// one unit). `nil` when there are fewer than 2 labels.
public func pairwiseDisagreement<Label: Hashable>(_ labels: [Label]) -> Double? {
    disagreement(counts: labelCounts(labels))
}

/// Internal variance r̂(1 − r̂) of a binary recognition rate (average it over items for the IV of a set).
public func internalVariance(rate: Double) -> Double {
    rate * (1 - rate)
}

func disagreement(counts: [Int]) -> Double? {
    let n = counts.reduce(0, +)
    guard n >= 2 else { return nil }
    var agreeing = 0.0
    for count in counts { agreeing += Double(count) * Double(count - 1) }
    return 1 - agreeing / (Double(n) * Double(n - 1))
}
