import Foundation

/// The upper tail P(X ≥ x) of a χ² distribution with `degreesOfFreedom` degrees of freedom: Q(df/2, x/2).
///
/// For one degree of freedom this is exactly erfc(√(x/2)); otherwise the regularized upper incomplete gamma
/// function. Returns 1 for x ≤ 0.
/// - Throws: `StatisticsError` when the degrees of freedom are not positive and finite, or x is NaN.
public func chiSquaredSurvival(_ x: Double, degreesOfFreedom: Double) throws(StatisticsError) -> Double {
    let function = "chiSquaredSurvival"
    guard degreesOfFreedom > 0, degreesOfFreedom.isFinite else {
        throw StatisticsError(function: function, reason: "degrees of freedom (\(degreesOfFreedom)) must be positive and finite")
    }
    guard !x.isNaN else { throw StatisticsError(function: function, reason: "x is NaN") }
    if x <= 0 { return 1 }
    if x == .infinity { return 0 }
    if degreesOfFreedom == 1 { return erfc((x / 2).squareRoot()) }
    return uncheckedGammaQ(degreesOfFreedom / 2, x / 2)
}
