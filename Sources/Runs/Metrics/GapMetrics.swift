/// The strong/weak gap of one value (or of a whole model): Δ = R_explicit − R_implicit over explicit/implicit pairs.
///
/// Pairs: each implicit item with its explicit partner (its `pair_id`). An implicit item without a usable partner
/// (no `pair_id`, an unknown one, or a partner without labelled samples) is paired with the mean rate of its
/// family's explicit items instead (a "fallback pair"); without any labelled explicit item in the family it is left
/// out. Implicit items sharing a partner form one resampling cluster. Explicit items that no implicit item points
/// to (e.g. definitions) enter R_explicit in the per-mode table but not the gap, so the paired Δ may differ from
/// the plain difference of the two mode rates, which is reported too.
public struct GapMetrics: Codable, Sendable, Equatable {
    /// Paired Δ with its paired (cluster) bootstrap interval.
    public var estimate: IntervalEstimate?
    /// R_explicit − R_implicit of the per-mode rates (all items of each mode), for comparison.
    public var differenceOfMeans: Double?
    /// Implicit items paired with their own explicit partner.
    public var pairs: Int
    /// Implicit items paired with their family's explicit mean.
    public var fallbackPairs: Int
    /// Implicit items with labels that could not be paired at all.
    public var unpaired: Int
    /// McNemar's test on majority labels of the pairs (pairs with a tied majority left out).
    public var mcnemar: McNemarSummary?
    /// Pairs left out of McNemar because a majority was tied (exactly half recognised).
    public var tiedPairs: Int

    /// Creates metrics from their parts.
    public init(estimate: IntervalEstimate?, differenceOfMeans: Double?, pairs: Int, fallbackPairs: Int, unpaired: Int,
                mcnemar: McNemarSummary?, tiedPairs: Int) {
        self.estimate = estimate
        self.differenceOfMeans = differenceOfMeans
        self.pairs = pairs
        self.fallbackPairs = fallbackPairs
        self.unpaired = unpaired
        self.mcnemar = mcnemar
        self.tiedPairs = tiedPairs
    }

    enum CodingKeys: String, CodingKey {
        case estimate
        case differenceOfMeans = "difference_of_means"
        case pairs
        case fallbackPairs = "fallback_pairs"
        case unpaired, mcnemar
        case tiedPairs = "tied_pairs"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(estimate, forKey: .estimate)
        try c.encode(differenceOfMeans, forKey: .differenceOfMeans)
        try c.encode(pairs, forKey: .pairs)
        try c.encode(fallbackPairs, forKey: .fallbackPairs)
        try c.encode(unpaired, forKey: .unpaired)
        try c.encode(mcnemar, forKey: .mcnemar)
        try c.encode(tiedPairs, forKey: .tiedPairs)
    }
}
