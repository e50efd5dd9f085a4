/// A percentile bootstrap of Krippendorff's α (nominal) over units: each replicate draws as many units (columns
/// of `data`) as there are, with replacement, using `SeededGenerator(seed:)` and `nextInt(below:)`, and recomputes
/// ``krippendorffAlpha(labels:)`` on them. Replicates where α is undefined (every pairable label equal) are left
/// out; `replicates` in the result counts the replicates used.
///
/// `data[j][u]` is coder j's label for unit u, or `nil` when missing.
///
/// - Returns: `nil` when α is undefined on the data itself.
/// - Throws: `StatisticsError` when the coders' rows differ in length, `replicates` < 1 or `confidence` lies
///   outside (0, 1).
public func krippendorffAlphaBootstrap<Label: Hashable>(
    labels data: [[Label?]], replicates: Int = 2000, seed: UInt64, confidence: Double = 0.95
) throws(StatisticsError) -> BootstrapResult? {
    let function = "krippendorffAlphaBootstrap"
    try checkReplicates(replicates, in: function)
    try StatisticsError.checkConfidence(confidence, in: function)
    guard let estimate = try krippendorffAlpha(labels: data) else { return nil }
    let unitCount = data.first?.count ?? 0
    var generator = SeededGenerator(seed: seed)
    var statistics: [Double] = []
    statistics.reserveCapacity(replicates)
    for _ in 0..<replicates {
        let drawn = (0..<unitCount).map { _ in generator.nextInt(below: unitCount) }
        let resampled = data.map { row in drawn.map { row[$0] } }
        if let alpha = try krippendorffAlpha(labels: resampled) { statistics.append(alpha) }
    }
    return BootstrapResult.summarising(statistics, estimate: estimate, confidence: confidence, seed: seed,
                                       units: unitCount)
}
