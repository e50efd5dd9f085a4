import Foundation

/// P(X = k) for X ~ Binomial(trials, probability).
///
/// Computed in log space with `lgamma`, so it stays finite for large `trials`. Returns 0 for k outside 0…trials.
/// - Throws: `StatisticsError` for negative `trials` or a probability outside [0, 1].
public func binomialPMF(_ k: Int, trials: Int, probability: Double) throws(StatisticsError) -> Double {
    try StatisticsError.checkNonNegative(trials, named: "trials", in: "binomialPMF")
    try StatisticsError.checkProbability(probability, named: "probability", in: "binomialPMF")
    return uncheckedBinomialPMF(k, trials, probability)
}

/// P(X ≤ k) for X ~ Binomial(trials, probability).
///
/// Sums probability masses over the shorter side: the lower tail directly when k is below the mean, otherwise
/// 1 − the upper tail. Returns 0 for k < 0 and 1 for k ≥ trials.
/// - Throws: `StatisticsError` for negative `trials` or a probability outside [0, 1].
public func binomialCDF(_ k: Int, trials: Int, probability: Double) throws(StatisticsError) -> Double {
    try StatisticsError.checkNonNegative(trials, named: "trials", in: "binomialCDF")
    try StatisticsError.checkProbability(probability, named: "probability", in: "binomialCDF")
    return uncheckedBinomialCDF(k, trials, probability)
}

func uncheckedBinomialPMF(_ k: Int, _ n: Int, _ p: Double) -> Double {
    guard k >= 0, k <= n else { return 0 }
    if p == 0 { return k == 0 ? 1 : 0 }
    if p == 1 { return k == n ? 1 : 0 }
    let logChoose = lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
    return exp(logChoose + Double(k) * log(p) + Double(n - k) * log1p(-p))
}

func uncheckedBinomialCDF(_ k: Int, _ n: Int, _ p: Double) -> Double {
    if k < 0 { return 0 }
    if k >= n { return 1 }
    if Double(k) < Double(n) * p {
        var sum = 0.0
        for i in 0...k { sum += uncheckedBinomialPMF(i, n, p) }
        return min(1, sum)
    } else {
        var upper = 0.0
        for i in (k + 1)...n { upper += uncheckedBinomialPMF(i, n, p) }
        return max(0, 1 - upper)
    }
}
