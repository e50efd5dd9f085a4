import Runs

/// One paired comparison of two runs: the items of one value (or of all values) and one measure that both runs
/// labelled, A's mean item rate against B's.
public struct ComparisonRow: Codable, Sendable, Equatable {
    /// The value, or nil for all values together.
    public var value: String?
    public var measure: ComparisonMeasure
    /// Items labelled in both runs (the pairs).
    public var items: Int
    /// Mean item rate of run A over the paired items.
    public var rateA: Double
    /// Mean item rate of run B over the paired items.
    public var rateB: Double
    /// Δ = rateA − rateB with its paired (item-cluster) bootstrap interval.
    public var delta: IntervalEstimate
    /// McNemar's test on the items' majority labels (A recognised / B missed = b, the reverse = c); nil when no
    /// item has a decided majority in both runs.
    public var mcnemar: McNemarSummary?
    /// Items left out of McNemar because a majority was tied (exactly half recognised) in either run.
    public var tiedItems: Int

    /// Creates a row.
    public init(value: String?, measure: ComparisonMeasure, items: Int, rateA: Double, rateB: Double,
                delta: IntervalEstimate, mcnemar: McNemarSummary?, tiedItems: Int) {
        self.value = value
        self.measure = measure
        self.items = items
        self.rateA = rateA
        self.rateB = rateB
        self.delta = delta
        self.mcnemar = mcnemar
        self.tiedItems = tiedItems
    }

    enum CodingKeys: String, CodingKey {
        case value, measure, items
        case rateA = "rate_a"
        case rateB = "rate_b"
        case delta, mcnemar
        case tiedItems = "tied_items"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(measure, forKey: .measure)
        try c.encode(items, forKey: .items)
        try c.encode(rateA, forKey: .rateA)
        try c.encode(rateB, forKey: .rateB)
        try c.encode(delta, forKey: .delta)
        try c.encode(mcnemar, forKey: .mcnemar)
        try c.encode(tiedItems, forKey: .tiedItems)
    }
}
