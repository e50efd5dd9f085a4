/// Pearson's product-moment correlation r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²), clamped to [−1, 1].
///
/// - Returns: `nil` when there are fewer than 2 pairs or either variable is constant.
/// - Throws: `StatisticsError` when the arrays differ in length or a value is not finite.
public func pearsonCorrelation(_ x: [Double], _ y: [Double]) throws(StatisticsError) -> Double? {
    try checkPairedValues(x, y, in: "pearsonCorrelation")
    return uncheckedPearson(x, y)
}

/// Spearman's rank correlation ρ: Pearson's r of the average ranks (ties share the mean of their ranks).
///
/// - Returns: `nil` when there are fewer than 2 pairs or either variable is constant.
/// - Throws: `StatisticsError` when the arrays differ in length or a value is not finite.
public func spearmanCorrelation(_ x: [Double], _ y: [Double]) throws(StatisticsError) -> Double? {
    try checkPairedValues(x, y, in: "spearmanCorrelation")
    return uncheckedPearson(averageRanks(x), averageRanks(y))
}

/// Throws unless `x` and `y` have the same length and only finite values.
func checkPairedValues(_ x: [Double], _ y: [Double], in function: String) throws(StatisticsError) {
    guard x.count == y.count else {
        throw StatisticsError(function: function, reason: "x has \(x.count) values but y has \(y.count)")
    }
    try StatisticsError.checkFinite(x, named: "x", in: function)
    try StatisticsError.checkFinite(y, named: "y", in: function)
}

private func uncheckedPearson(_ x: [Double], _ y: [Double]) -> Double? {
    guard x.count >= 2,
          x.contains(where: { $0 != x[0] }), y.contains(where: { $0 != y[0] }),
          let meanX = mean(x), let meanY = mean(y) else { return nil }
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for (a, b) in zip(x, y) {
        let dx = a - meanX
        let dy = b - meanY
        sxy += dx * dy
        sxx += dx * dx
        syy += dy * dy
    }
    guard sxx > 0, syy > 0 else { return nil }
    return min(1, max(-1, sxy / (sxx * syy).squareRoot()))
}
