/// The Clopper–Pearson ("exact") interval for a binomial proportion.
///
/// The lower bound is the p at which P(X ≥ successes) = α/2, the upper bound the p at which
/// P(X ≤ successes) = α/2, with α = 1 − confidence and X ~ Binomial(trials, p); both are found by bisection on
/// `binomialCDF` to about 1e-15. The bound is 0 when successes = 0 and 1 when successes = trials. Conservative:
/// coverage is at least the nominal level, so it is wider than `wilsonInterval`.
///
/// - Returns: `nil` when `trials` is 0.
/// - Throws: `StatisticsError` for negative counts, successes > trials or a confidence outside (0, 1).
public func clopperPearsonInterval(successes: Int, trials: Int, confidence: Double = 0.95) throws(StatisticsError) -> Interval? {
    let function = "clopperPearsonInterval"
    try StatisticsError.checkNonNegative(successes, named: "successes", in: function)
    try StatisticsError.checkNonNegative(trials, named: "trials", in: function)
    guard successes <= trials else {
        throw StatisticsError(function: function, reason: "successes (\(successes)) exceed trials (\(trials))")
    }
    try StatisticsError.checkConfidence(confidence, in: function)
    guard trials > 0 else { return nil }

    let tail = (1 - confidence) / 2
    // P(X ≥ s) rises with p: find where it reaches the tail.
    let lower = successes == 0 ? 0 : bisect { p in
        1 - uncheckedBinomialCDF(successes - 1, trials, p) < tail
    }
    // P(X ≤ s) falls with p: find where it drops to the tail.
    let upper = successes == trials ? 1 : bisect { p in
        uncheckedBinomialCDF(successes, trials, p) > tail
    }
    return Interval(lower: lower, upper: upper, estimate: Double(successes) / Double(trials), confidence: confidence)
}

/// The boundary in [0, 1] where `isBelow` switches from true to false (assumed monotone).
private func bisect(_ isBelow: (Double) -> Bool) -> Double {
    var low = 0.0
    var high = 1.0
    for _ in 0..<200 {
        let middle = (low + high) / 2
        if middle <= low || middle >= high { break }
        if isBelow(middle) { low = middle } else { high = middle }
    }
    return (low + high) / 2
}
