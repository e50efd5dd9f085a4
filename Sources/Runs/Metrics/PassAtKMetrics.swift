/// pass@k and pass^k of an item's labelled samples (unbiased combinatorial estimators).
public struct PassAtKMetrics: Codable, Sendable, Equatable {
    /// k.
    public var k: Int
    /// Probability that at least one of k samples drawn without replacement is recognised: 1 − C(n−c, k)/C(n, k).
    public var passAtK: Double
    /// Probability that all k are recognised: C(c, k)/C(n, k).
    public var passHatK: Double

    /// Creates the pair.
    public init(k: Int, passAtK: Double, passHatK: Double) {
        self.k = k
        self.passAtK = passAtK
        self.passHatK = passHatK
    }

    enum CodingKeys: String, CodingKey {
        case k
        case passAtK = "pass_at_k"
        case passHatK = "pass_hat_k"
    }
}
