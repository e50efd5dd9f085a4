/// Which McNemar p-value `McNemarResult.pValue` reports.
public enum McNemarMethod: String, Sendable, Codable, Equatable, Hashable {
    /// The exact two-sided binomial test, recommended when b + c < 25.
    case exactBinomial
    /// The χ² test with continuity correction, for b + c ≥ 25.
    case chiSquared
}

/// McNemar's test of a paired binary design (for example, per pair: was the value recognised in the explicit
/// item, and in the implicit one?).
public struct McNemarResult: Sendable, Codable, Equatable, Hashable {
    /// Discordant pairs of the first kind: first = yes, second = no (explicit recognised, implicit missed).
    public var b: Int
    /// Discordant pairs of the second kind: first = no, second = yes.
    public var c: Int
    /// χ² = (max(0, |b − c| − 1))² / (b + c), 1 d.f. (0 when b + c = 0).
    public var statistic: Double
    /// Survival of `statistic` under χ²(1): erfc(√(χ²/2)).
    public var chiSquaredPValue: Double
    /// Exact two-sided binomial p = min(1, 2·BinomCDF(min(b, c); b + c, ½)).
    public var exactPValue: Double
    /// The recommended method: exact when b + c < 25, χ² otherwise.
    public var method: McNemarMethod
    /// The p-value of `method`.
    public var pValue: Double

    /// Creates a result from its parts, as stored.
    public init(b: Int, c: Int, statistic: Double, chiSquaredPValue: Double, exactPValue: Double, method: McNemarMethod, pValue: Double) {
        self.b = b
        self.c = c
        self.statistic = statistic
        self.chiSquaredPValue = chiSquaredPValue
        self.exactPValue = exactPValue
        self.method = method
        self.pValue = pValue
    }
}

/// McNemar's test from the two discordant counts.
///
/// The continuity-corrected statistic is floored at 0, so b = c gives χ² = 0 and p = 1 (the uncorrected formula
/// (|b − c| − 1)² would give a spurious positive value). With b + c = 0 both p-values are 1.
/// - Throws: `StatisticsError` when a count is negative.
public func mcnemarTest(b: Int, c: Int) throws(StatisticsError) -> McNemarResult {
    try StatisticsError.checkNonNegative(b, named: "b", in: "mcnemarTest")
    try StatisticsError.checkNonNegative(c, named: "c", in: "mcnemarTest")
    let discordant = b + c
    let method: McNemarMethod = discordant < 25 ? .exactBinomial : .chiSquared
    guard discordant > 0 else {
        return McNemarResult(b: b, c: c, statistic: 0, chiSquaredPValue: 1, exactPValue: 1, method: method, pValue: 1)
    }
    let corrected = max(0, Double(abs(b - c)) - 1)
    let statistic = corrected * corrected / Double(discordant)
    let chiSquaredP = (try? chiSquaredSurvival(statistic, degreesOfFreedom: 1)) ?? 1
    let exactP = min(1, 2 * uncheckedBinomialCDF(min(b, c), discordant, 0.5))
    return McNemarResult(
        b: b, c: c, statistic: statistic, chiSquaredPValue: chiSquaredP, exactPValue: exactP,
        method: method, pValue: method == .exactBinomial ? exactP : chiSquaredP
    )
}

/// McNemar's test from paired binary outcomes: `first[i]` and `second[i]` belong to pair i.
///
/// b counts pairs with first = true and second = false; c the reverse.
/// - Throws: `StatisticsError` when the arrays differ in length.
public func mcnemarTest(first: [Bool], second: [Bool]) throws(StatisticsError) -> McNemarResult {
    guard first.count == second.count else {
        throw StatisticsError(function: "mcnemarTest", reason: "first has \(first.count) outcomes but second has \(second.count)")
    }
    var b = 0
    var c = 0
    for (x, y) in zip(first, second) where x != y {
        if x { b += 1 } else { c += 1 }
    }
    return try mcnemarTest(b: b, c: c)
}
