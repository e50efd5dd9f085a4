/// The Wilson score interval for a binomial proportion.
///
/// With r̂ = successes/trials, N = trials and z = Φ⁻¹((1 + confidence)/2):
/// centre = (r̂ + z²/(2N)) / (1 + z²/N), half-width = z·√(r̂(1−r̂)/N + z²/(4N²)) / (1 + z²/N);
/// the interval is centre ± half-width, clipped to [0, 1]. The returned `estimate` is r̂ (not the centre).
/// Unlike the normal approximation it behaves well for small N and for r̂ near 0 or 1.
///
/// - Returns: `nil` when `trials` is 0 (no data, no interval).
/// - Throws: `StatisticsError` for negative counts, successes > trials or a confidence outside (0, 1).
public func wilsonInterval(successes: Int, trials: Int, confidence: Double = 0.95) throws(StatisticsError) -> Interval? {
    let function = "wilsonInterval"
    try StatisticsError.checkNonNegative(successes, named: "successes", in: function)
    try StatisticsError.checkNonNegative(trials, named: "trials", in: function)
    guard successes <= trials else {
        throw StatisticsError(function: function, reason: "successes (\(successes)) exceed trials (\(trials))")
    }
    try StatisticsError.checkConfidence(confidence, in: function)
    guard trials > 0 else { return nil }

    let z = refinedNormalQuantile((1 + confidence) / 2)
    let n = Double(trials)
    let rate = Double(successes) / n
    let z2 = z * z
    let denominator = 1 + z2 / n
    let centre = (rate + z2 / (2 * n)) / denominator
    let half = z * (rate * (1 - rate) / n + z2 / (4 * n * n)).squareRoot() / denominator
    // At r̂ = 0 (or 1) the lower (upper) bound is exactly 0 (1) in exact arithmetic; pin it.
    let lower = successes == 0 ? 0 : max(0, centre - half)
    let upper = successes == trials ? 1 : min(1, centre + half)
    return Interval(lower: lower, upper: upper, estimate: rate, confidence: confidence)
}
