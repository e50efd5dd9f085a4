/// The strong-alignment index SAI(τ) = Σ_v 1[R_E(v) ≥ τ]·R_I(v) / Σ_v 1[R_E(v) ≥ τ] over the values that have both
/// an explicit and an implicit rate: the implicit recognition of the values the model knows explicitly.
///
/// Its interval comes from a hierarchical bootstrap: each replicate resamples, within every value, the explicit and
/// the implicit items (items → paraphrases → samples), recomputes R_E and R_I and then SAI; replicates in which no
/// value passes τ are dropped (`index.replicates` counts the ones kept).
public struct StrongAlignmentMetrics: Codable, Sendable, Equatable {
    /// τ.
    public var threshold: Double
    /// Values with R_E ≥ τ.
    public var valuesPassing: Int
    /// Values with both rates.
    public var valuesTotal: Int
    /// The values with R_E ≥ τ, in suite order.
    public var passingValues: [String]
    /// SAI with its interval (nil when no value passes τ).
    public var index: IntervalEstimate?
    /// The weak-only share 1 − SAI.
    public var weakOnlyShare: Double?

    /// Creates metrics from their parts.
    public init(threshold: Double, valuesPassing: Int, valuesTotal: Int, passingValues: [String], index: IntervalEstimate?,
                weakOnlyShare: Double?) {
        self.threshold = threshold
        self.valuesPassing = valuesPassing
        self.valuesTotal = valuesTotal
        self.passingValues = passingValues
        self.index = index
        self.weakOnlyShare = weakOnlyShare
    }

    enum CodingKeys: String, CodingKey {
        case threshold
        case valuesPassing = "values_passing"
        case valuesTotal = "values_total"
        case passingValues = "passing_values"
        case index
        case weakOnlyShare = "weak_only_share"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(valuesPassing, forKey: .valuesPassing)
        try c.encode(valuesTotal, forKey: .valuesTotal)
        try c.encode(passingValues, forKey: .passingValues)
        try c.encode(index, forKey: .index)
        try c.encode(weakOnlyShare, forKey: .weakOnlyShare)
    }
}
