import Foundation

/// The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b).
///
/// Evaluated with the continued fraction of I_x(a, b) (modified Lentz's method), on the side of the symmetry
/// I_x(a, b) = 1 − I_{1−x}(b, a) where it converges quickly (x < (a + 1)/(a + b + 2)); relative accuracy about
/// 1e-14 for the moderate a, b of t and binomial tails.
/// - Throws: `StatisticsError` when a or b is not positive, or x lies outside [0, 1].
public func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) throws(StatisticsError) -> Double {
    let function = "regularizedIncompleteBeta"
    guard a > 0, b > 0, a.isFinite, b.isFinite else {
        throw StatisticsError(function: function, reason: "a (\(a)) and b (\(b)) must be positive and finite")
    }
    try StatisticsError.checkProbability(x, named: "x", in: function)
    if x == 0 { return 0 }
    if x == 1 { return 1 }
    let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    if x < (a + 1) / (a + b + 2) {
        return exp(logFront) * betaContinuedFraction(x, a: a, b: b) / a
    }
    return 1 - exp(logFront) * betaContinuedFraction(1 - x, a: b, b: a) / b
}

/// The continued fraction of I_x(a, b), evaluated by the modified Lentz method.
private func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    let epsilon = 1e-15
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...500 {
        let m = Double(m)
        // Even step: d_{2m} = m(b − m)x / ((a + 2m − 1)(a + 2m)).
        var numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        d = 1 + numerator * d
        if abs(d) < tiny { d = tiny }
        c = 1 + numerator / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        result *= d * c
        // Odd step: d_{2m+1} = −(a + m)(a + b + m)x / ((a + 2m)(a + 2m + 1)).
        numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
        d = 1 + numerator * d
        if abs(d) < tiny { d = tiny }
        c = 1 + numerator / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let step = d * c
        result *= step
        if abs(step - 1) < epsilon { break }
    }
    return result
}
