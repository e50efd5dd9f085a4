/// Thurstonian preference probability P(A ≻ B) = Φ((μ_A − μ_B)/√(σ_A² + σ_B²)) for utilities
/// U_A ~ N(μ_A, σ_A²) and U_B ~ N(μ_B, σ_B²).
///
/// - Throws: `StatisticsError` when a variance is negative or both are 0, or an argument is not finite.
public func thurstonianPreference(meanA: Double, varianceA: Double, meanB: Double, varianceB: Double) throws(StatisticsError) -> Double {
    let function = "thurstonianPreference"
    try StatisticsError.checkFinite([meanA, varianceA, meanB, varianceB], named: "argument", in: function)
    guard varianceA >= 0, varianceB >= 0, varianceA + varianceB > 0 else {
        throw StatisticsError(function: function, reason: "variances (\(varianceA), \(varianceB)) must be non-negative and not both 0")
    }
    return normalCDF((meanA - meanB) / (varianceA + varianceB).squareRoot())
}

/// Probability that a triad of pairwise preferences forms a cycle, given P̂(A≻B), P̂(B≻C) and P̂(C≻A):
/// P_cycle = P_AB·P_BC·P_CA + (1 − P_AB)(1 − P_BC)(1 − P_CA).
///
/// - Throws: `StatisticsError` when a probability lies outside [0, 1].
public func cycleProbability(ab: Double, bc: Double, ca: Double) throws(StatisticsError) -> Double {
    try StatisticsError.checkProbability(ab, named: "P(A≻B)", in: "cycleProbability")
    try StatisticsError.checkProbability(bc, named: "P(B≻C)", in: "cycleProbability")
    try StatisticsError.checkProbability(ca, named: "P(C≻A)", in: "cycleProbability")
    return ab * bc * ca + (1 - ab) * (1 - bc) * (1 - ca)
}
