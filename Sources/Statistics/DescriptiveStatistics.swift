/// The arithmetic mean, or `nil` for an empty input.
public func mean(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    var sum = 0.0
    for value in values { sum += value }
    return sum / Double(values.count)
}

/// The share of `true` values, or `nil` for an empty input.
public func proportion(_ flags: [Bool]) -> Double? {
    guard !flags.isEmpty else { return nil }
    return Double(flags.lazy.filter { $0 }.count) / Double(flags.count)
}

/// The variance Σ(x − x̄)² / (n − correction), computed in two passes.
///
/// `correction` 1 (the default) gives the unbiased sample variance, 0 the population variance (NumPy's default
/// `ddof=0`). Returns `nil` when n − correction ≤ 0.
public func variance(_ values: [Double], correction: Int = 1) -> Double? {
    guard values.count - correction > 0, let centre = mean(values) else { return nil }
    var sum = 0.0
    for value in values {
        let deviation = value - centre
        sum += deviation * deviation
    }
    return sum / Double(values.count - correction)
}

/// The standard deviation √`variance(values, correction:)`, or `nil` when the variance is undefined.
public func standardDeviation(_ values: [Double], correction: Int = 1) -> Double? {
    variance(values, correction: correction)?.squareRoot()
}

/// The median (the mean of the two middle values for an even count), or `nil` for an empty input.
public func median(_ values: [Double]) -> Double? {
    quantileOfSorted(values.sorted(), 0.5)
}

/// The q-th percentile (q in [0, 100]) with linear interpolation between closest ranks, as NumPy's default
/// `method="linear"`: h = (n − 1)·q/100, result = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on the sorted values.
///
/// - Returns: `nil` for an empty input.
/// - Throws: `StatisticsError` when q lies outside [0, 100] or is NaN.
public func percentile(_ values: [Double], _ q: Double) throws(StatisticsError) -> Double? {
    guard q >= 0, q <= 100 else {
        throw StatisticsError(function: "percentile", reason: "q (\(q)) must lie in [0, 100]")
    }
    return quantileOfSorted(values.sorted(), q / 100)
}

/// The same as `percentile(values, 100·fraction)`, for a fraction in [0, 1].
public func quantile(_ values: [Double], _ fraction: Double) throws(StatisticsError) -> Double? {
    guard fraction >= 0, fraction <= 1 else {
        throw StatisticsError(function: "quantile", reason: "fraction (\(fraction)) must lie in [0, 1]")
    }
    return quantileOfSorted(values.sorted(), fraction)
}

/// Linear-interpolation quantile of already sorted values; `fraction` must lie in [0, 1].
func quantileOfSorted(_ sorted: [Double], _ fraction: Double) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let position = Double(sorted.count - 1) * fraction
    let index = min(Int(position), sorted.count - 1)
    let weight = position - Double(index)
    guard weight > 0, index + 1 < sorted.count else { return sorted[index] }
    return sorted[index] + weight * (sorted[index + 1] - sorted[index])
}
