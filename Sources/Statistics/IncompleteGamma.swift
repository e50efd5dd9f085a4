import Foundation

/// The regularized lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a).
///
/// Uses the power series for x < a + 1 and a Lentz continued fraction for Q otherwise, each to a relative
/// precision of about 1e-15.
/// - Throws: `StatisticsError` when a ≤ 0, x < 0 or either is not finite (x = +∞ gives 1).
public func regularizedGammaP(_ a: Double, _ x: Double) throws(StatisticsError) -> Double {
    try checkGammaArguments(a, x, in: "regularizedGammaP")
    if x == .infinity { return 1 }
    return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x)
}

/// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a) = 1 − P(a, x).
///
/// Computed directly (not as 1 − P) in the upper tail, so small survival probabilities keep their precision.
/// - Throws: `StatisticsError` when a ≤ 0, x < 0 or either is not finite (x = +∞ gives 0).
public func regularizedGammaQ(_ a: Double, _ x: Double) throws(StatisticsError) -> Double {
    try checkGammaArguments(a, x, in: "regularizedGammaQ")
    if x == .infinity { return 0 }
    return uncheckedGammaQ(a, x)
}

func uncheckedGammaQ(_ a: Double, _ x: Double) -> Double {
    x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x)
}

private func checkGammaArguments(_ a: Double, _ x: Double, in function: String) throws(StatisticsError) {
    guard a > 0, a.isFinite else {
        throw StatisticsError(function: function, reason: "shape a (\(a)) must be positive and finite")
    }
    guard x >= 0, !x.isNaN else {
        throw StatisticsError(function: function, reason: "x (\(x)) must not be negative")
    }
}

/// P(a, x) by the series e^{−x} x^a / Γ(a+1) · Σ_n x^n / ((a+1)…(a+n)).
private func gammaSeries(_ a: Double, _ x: Double) -> Double {
    if x == 0 { return 0 }
    var term = 1 / a
    var sum = term
    var denominator = a
    for _ in 0..<10_000 {
        denominator += 1
        term *= x / denominator
        sum += term
        if abs(term) < abs(sum) * 1e-16 { break }
    }
    return min(1, sum * exp(-x + a * log(x) - lgamma(a)))
}

/// Q(a, x) by the continued fraction e^{−x} x^a / Γ(a) · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))),
/// evaluated with the modified Lentz method.
private func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1..<10_000 {
        let an = -Double(i) * (Double(i) - a)
        b += 2
        d = an * d + b
        if abs(d) < tiny { d = tiny }
        c = b + an / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        let delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-16 { break }
    }
    return max(0, exp(-x + a * log(x) - lgamma(a)) * h)
}
