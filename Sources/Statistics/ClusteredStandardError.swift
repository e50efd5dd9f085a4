/// A mean with a cluster-robust standard error.
public struct ClusteredMean: Sendable, Codable, Equatable, Hashable {
    /// The mean ȳ over all observations.
    public var mean: Double
    /// SE = √(Σ_c (Σ_{j∈c} (y_j − ȳ))²) / N.
    public var standardError: Double
    /// Number of observations N.
    public var count: Int
    /// Number of non-empty clusters.
    public var clusters: Int

    /// Creates a result from its parts, as stored.
    public init(mean: Double, standardError: Double, count: Int, clusters: Int) {
        self.mean = mean
        self.standardError = standardError
        self.count = count
        self.clusters = clusters
    }
}

/// The mean of all observations with a clustered standard error, clusters being e.g. items whose repeated samples
/// are correlated: SE = √(Σ_c (Σ_{j∈c}(y_j − ȳ))²) / N (no small-sample correction).
///
/// - Returns: `nil` when there is no observation.
/// - Throws: `StatisticsError` when a value is not finite.
public func clusteredStandardError(_ clusters: [[Double]]) throws(StatisticsError) -> ClusteredMean? {
    for (index, cluster) in clusters.enumerated() {
        try StatisticsError.checkFinite(cluster, named: "cluster \(index) value", in: "clusteredStandardError")
    }
    let all = Array(clusters.joined())
    guard let centre = mean(all) else { return nil }
    var sum = 0.0
    var nonEmpty = 0
    for cluster in clusters where !cluster.isEmpty {
        nonEmpty += 1
        var residual = 0.0
        for value in cluster { residual += value - centre }
        sum += residual * residual
    }
    return ClusteredMean(mean: centre, standardError: sum.squareRoot() / Double(all.count), count: all.count, clusters: nonEmpty)
}
