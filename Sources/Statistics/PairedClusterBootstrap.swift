/// One resampling unit of a paired design: the values of both conditions that belong together, such as the
/// per-item rates of the explicit and the implicit items of one `pair_id`.
public struct PairedCluster: Sendable, Codable, Equatable, Hashable {
    /// Values of the first condition (e.g. explicit item rates).
    public var first: [Double]
    /// Values of the second condition (e.g. implicit item rates).
    public var second: [Double]

    /// A cluster with any number of values per condition.
    public init(first: [Double], second: [Double]) {
        self.first = first
        self.second = second
    }

    /// The common case: one value per condition.
    public init(first: Double, second: Double) {
        self.init(first: [first], second: [second])
    }
}

/// A paired-cluster percentile bootstrap of a difference of means, Δ = mean(first values) − mean(second values),
/// each mean pooled over all clusters (e.g. the strong/weak gap Δ(v) = R_E(v) − R_I(v)).
///
/// Each replicate draws as many clusters as there are, with replacement, using `SeededGenerator(seed:)` and
/// `nextInt(below:)`, and recomputes Δ on the drawn clusters; both conditions of a cluster always travel together,
/// which keeps the within-pair correlation. Clusters lacking values in either condition are dropped.
///
/// - Returns: `nil` when no cluster has values in both conditions.
/// - Throws: `StatisticsError` when `replicates` < 1, `confidence` lies outside (0, 1) or a value is not finite.
public func pairedClusterBootstrap(
    _ clusters: [PairedCluster], replicates: Int = 2000, seed: UInt64, confidence: Double = 0.95
) throws(StatisticsError) -> BootstrapResult? {
    let function = "pairedClusterBootstrap"
    try checkReplicates(replicates, in: function)
    try StatisticsError.checkConfidence(confidence, in: function)

    var sums: [(first: Double, firstCount: Double, second: Double, secondCount: Double)] = []
    for (index, cluster) in clusters.enumerated() {
        if cluster.first.contains(where: { !$0.isFinite }) || cluster.second.contains(where: { !$0.isFinite }) {
            throw StatisticsError(function: function, reason: "cluster \(index) holds a value that is not finite")
        }
        guard !cluster.first.isEmpty, !cluster.second.isEmpty else { continue }
        sums.append((
            cluster.first.reduce(0, +), Double(cluster.first.count),
            cluster.second.reduce(0, +), Double(cluster.second.count)
        ))
    }
    guard !sums.isEmpty else { return nil }

    func difference(_ indices: some Sequence<Int>) -> Double {
        var first = 0.0, firstCount = 0.0, second = 0.0, secondCount = 0.0
        for index in indices {
            first += sums[index].first
            firstCount += sums[index].firstCount
            second += sums[index].second
            secondCount += sums[index].secondCount
        }
        return first / firstCount - second / secondCount
    }

    let estimate = difference(sums.indices)
    var generator = SeededGenerator(seed: seed)
    let count = sums.count
    var statistics = [Double](repeating: 0, count: replicates)
    var drawn = [Int](repeating: 0, count: count)
    for replicate in 0..<replicates {
        for slot in 0..<count { drawn[slot] = generator.nextInt(below: count) }
        statistics[replicate] = difference(drawn)
    }
    return BootstrapResult.summarising(statistics, estimate: estimate, confidence: confidence, seed: seed, units: count)
}
