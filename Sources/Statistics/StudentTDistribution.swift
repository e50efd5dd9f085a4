/// The cumulative distribution of Student's t with `degreesOfFreedom` ν > 0:
/// F(t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0, and 1 − F(−t) below 0.
/// - Throws: `StatisticsError` when ν is not positive or t is NaN.
public func studentTCDF(_ t: Double, degreesOfFreedom: Double) throws(StatisticsError) -> Double {
    let function = "studentTCDF"
    guard degreesOfFreedom > 0 else {
        throw StatisticsError(function: function, reason: "degrees of freedom (\(degreesOfFreedom)) must be positive")
    }
    guard !t.isNaN else { throw StatisticsError(function: function, reason: "t is NaN") }
    if t.isInfinite { return t > 0 ? 1 : 0 }
    let tail = 0.5 * (try regularizedIncompleteBeta(degreesOfFreedom / (degreesOfFreedom + t * t),
                                                     a: degreesOfFreedom / 2, b: 0.5))
    return t >= 0 ? 1 - tail : tail
}

/// The quantile of Student's t with `degreesOfFreedom` ν > 0: the t with F(t) = p.
///
/// Bisection on ``studentTCDF(_:degreesOfFreedom:)`` to an absolute accuracy of about 1e-12 (t₀.₉₇₅ is 12.706
/// for ν = 1, 4.303 for ν = 2, 1.960 as ν → ∞). Returns ±∞ for p = 1 or 0.
/// - Throws: `StatisticsError` when p lies outside [0, 1] or ν is not positive.
public func studentTQuantile(_ p: Double, degreesOfFreedom: Double) throws(StatisticsError) -> Double {
    let function = "studentTQuantile"
    try StatisticsError.checkProbability(p, named: "p", in: function)
    guard degreesOfFreedom > 0 else {
        throw StatisticsError(function: function, reason: "degrees of freedom (\(degreesOfFreedom)) must be positive")
    }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    if p < 0.5 { return -(try studentTQuantile(1 - p, degreesOfFreedom: degreesOfFreedom)) }
    var low = 0.0
    var high = 1.0
    while try studentTCDF(high, degreesOfFreedom: degreesOfFreedom) < p {
        low = high
        high *= 2
        if high > 1e12 { return .infinity }
    }
    for _ in 0..<200 {
        let middle = (low + high) / 2
        if try studentTCDF(middle, degreesOfFreedom: degreesOfFreedom) < p { low = middle } else { high = middle }
        if high - low < 1e-12 * max(1, high) { break }
    }
    return (low + high) / 2
}
