/// A percentile bootstrap over independent units (rows) of any statistic.
///
/// `statistic` receives the indices of the units of one sample (with repeats) and returns the statistic, or `nil`
/// when it is undefined on that sample (for example Cohen's κ when both raters used one label). The estimate is
/// `statistic(0..<units)`. Each replicate draws `units` indices with `SeededGenerator(seed:)` and
/// `nextInt(below:)`, so the result is bit-reproducible; replicates where the statistic is undefined are left out
/// of the percentiles (the result's `replicates` counts the defined ones).
///
/// - Returns: `nil` when there is no unit, the statistic is undefined on the data, or no replicate is defined.
/// - Throws: `StatisticsError` when `replicates` < 1 or the confidence lies outside (0, 1).
public func unitBootstrap(
    units: Int, replicates: Int = 2000, seed: UInt64, confidence: Double = 0.95,
    statistic: ([Int]) -> Double?
) throws(StatisticsError) -> BootstrapResult? {
    let function = "unitBootstrap"
    try checkReplicates(replicates, in: function)
    try StatisticsError.checkConfidence(confidence, in: function)
    guard units > 0, let estimate = statistic(Array(0..<units)) else { return nil }
    var generator = SeededGenerator(seed: seed)
    var statistics: [Double] = []
    statistics.reserveCapacity(replicates)
    var indices = [Int](repeating: 0, count: units)
    for _ in 0..<replicates {
        for slot in 0..<units { indices[slot] = generator.nextInt(below: units) }
        if let value = statistic(indices) { statistics.append(value) }
    }
    guard !statistics.isEmpty else { return nil }
    return BootstrapResult.summarising(statistics, estimate: estimate, confidence: confidence, seed: seed, units: units)
}
