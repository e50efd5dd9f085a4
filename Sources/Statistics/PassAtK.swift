/// pass@k: the probability that at least one of k samples, drawn without replacement from n samples of which c
/// are correct, is correct — the unbiased estimator 1 − C(n−c, k)/C(n, k) of Chen et al. (2021).
///
/// Computed as 1 − Π_{i=n−c+1}^{n} (1 − k/i), a product of at most c factors, so it stays exact-ish for large n
/// (no factorials). Equals 1 when n − c < k.
///
/// - Returns: `nil` when k > n (not estimable from n samples).
/// - Throws: `StatisticsError` when n or c is negative, c > n, or k < 1.
public func passAtK(n: Int, c: Int, k: Int) throws(StatisticsError) -> Double? {
    try checkPassArguments(n: n, c: c, k: k, in: "passAtK")
    guard k <= n else { return nil }
    if n - c < k { return 1 }
    if c == 0 { return 0 }
    var product = 1.0
    for i in (n - c + 1)...n {
        product *= 1 - Double(k) / Double(i)
    }
    return 1 - product
}

/// pass^k: the probability that all k samples, drawn without replacement from n samples of which c are correct,
/// are correct — C(c, k)/C(n, k), computed as the product Π_{i=0}^{k−1} (c − i)/(n − i). Equals 0 when c < k.
/// (The plug-in (c/n)^k is biased for small n.)
///
/// - Returns: `nil` when k > n.
/// - Throws: `StatisticsError` when n or c is negative, c > n, or k < 1.
public func passHatK(n: Int, c: Int, k: Int) throws(StatisticsError) -> Double? {
    try checkPassArguments(n: n, c: c, k: k, in: "passHatK")
    guard k <= n else { return nil }
    if c < k { return 0 }
    var product = 1.0
    for i in 0..<k {
        product *= Double(c - i) / Double(n - i)
    }
    return product
}

private func checkPassArguments(n: Int, c: Int, k: Int, in function: String) throws(StatisticsError) {
    try StatisticsError.checkNonNegative(n, named: "n", in: function)
    try StatisticsError.checkNonNegative(c, named: "c", in: function)
    guard c <= n else { throw StatisticsError(function: function, reason: "c (\(c)) exceeds n (\(n))") }
    guard k >= 1 else { throw StatisticsError(function: function, reason: "k (\(k)) must be at least 1") }
}
