import Statistics

/// McNemar's test on the majority labels of explicit/implicit pairs.
public struct McNemarSummary: Codable, Sendable, Equatable {
    /// Which p-value is reported.
    public enum Method: String, Codable, Sendable, Equatable {
        /// Exact two-sided binomial test (b + c < 25).
        case exactBinomial = "exact_binomial"
        /// χ² with continuity correction (b + c ≥ 25).
        case chiSquared = "chi_squared"
    }

    /// Pairs with both majority labels decided.
    public var pairs: Int
    /// Pairs with the explicit item recognised and the implicit one missed.
    public var b: Int
    /// Pairs with the explicit item missed and the implicit one recognised.
    public var c: Int
    /// Continuity-corrected χ² statistic.
    public var statistic: Double
    /// The p-value of `method`.
    public var pValue: Double
    public var method: Method
    public var exactPValue: Double
    public var chiSquaredPValue: Double

    /// Creates a summary from a test result.
    public init(_ result: McNemarResult, pairs: Int) {
        self.pairs = pairs
        self.b = result.b
        self.c = result.c
        self.statistic = result.statistic
        self.pValue = result.pValue
        self.method = result.method == .exactBinomial ? .exactBinomial : .chiSquared
        self.exactPValue = result.exactPValue
        self.chiSquaredPValue = result.chiSquaredPValue
    }

    enum CodingKeys: String, CodingKey {
        case pairs, b, c, statistic
        case pValue = "p_value"
        case method
        case exactPValue = "exact_p_value"
        case chiSquaredPValue = "chi_squared_p_value"
    }
}
