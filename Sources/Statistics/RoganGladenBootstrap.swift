/// A prevalence corrected for an imperfect classifier (Rogan–Gladen) with a joint percentile bootstrap interval.
public struct RoganGladenResult: Sendable, Codable, Equatable, Hashable {
    /// The classifier's raw positive rate p̂ over the run's units (pooled over clusters).
    public var observed: Double
    /// Sensitivity Se measured on the labelled positives.
    public var sensitivity: Double
    /// Specificity Sp measured on the labelled negatives.
    public var specificity: Double
    /// π̂ = (p̂ + Sp − 1)/(Se + Sp − 1), clipped to [0, 1]; `nil` when Se + Sp ≤ 1 (the correction is undefined).
    public var estimate: Double?
    /// The percentile interval of π̂ over the replicates; `nil` when `estimate` is nil. When more than
    /// (1 − confidence)/2 of the replicates are undefined (Se* + Sp* ≤ 1), the interval is [0, 1]: the data do not
    /// pin the prevalence down.
    public var interval: Interval?
    /// Standard deviation of the defined replicates (n − 1 denominator); nil with fewer than two.
    public var standardError: Double?
    /// Replicates drawn (B).
    public var replicates: Int
    /// Replicates in which the resampled Se* + Sp* ≤ 1 (left out of the percentiles).
    public var undefinedReplicates: Int
    /// Seed of the `SeededGenerator` that drew the replicates.
    public var seed: UInt64
    /// Clusters of the run resampled.
    public var clusters: Int
    /// Units of the run (the denominator of p̂).
    public var units: Int
    /// Labelled positives and negatives that Se and Sp rest on.
    public var labelledPositives: Int
    public var labelledNegatives: Int

    /// Creates a result from its parts, as stored.
    public init(observed: Double, sensitivity: Double, specificity: Double, estimate: Double?, interval: Interval?,
                standardError: Double?, replicates: Int, undefinedReplicates: Int, seed: UInt64, clusters: Int,
                units: Int, labelledPositives: Int, labelledNegatives: Int) {
        self.observed = observed
        self.sensitivity = sensitivity
        self.specificity = specificity
        self.estimate = estimate
        self.interval = interval
        self.standardError = standardError
        self.replicates = replicates
        self.undefinedReplicates = undefinedReplicates
        self.seed = seed
        self.clusters = clusters
        self.units = units
        self.labelledPositives = labelledPositives
        self.labelledNegatives = labelledNegatives
    }
}

/// The Rogan–Gladen point estimate π̂ = (p̂ + Sp − 1)/(Se + Sp − 1), clipped to [0, 1].
///
/// - Returns: `nil` when Se + Sp ≤ 1: a classifier no better than chance (or worse) carries no information about
///   the prevalence, and no number should be reported.
/// - Throws: `StatisticsError` when an argument lies outside [0, 1].
public func roganGladen(observed: Double, sensitivity: Double, specificity: Double) throws(StatisticsError) -> Double? {
    let function = "roganGladen"
    try StatisticsError.checkProbability(observed, named: "observed rate", in: function)
    try StatisticsError.checkProbability(sensitivity, named: "sensitivity", in: function)
    try StatisticsError.checkProbability(specificity, named: "specificity", in: function)
    return roganGladenUnchecked(observed: observed, sensitivity: sensitivity, specificity: specificity)
}

@inline(__always)
func roganGladenUnchecked(observed: Double, sensitivity: Double, specificity: Double) -> Double? {
    let denominator = sensitivity + specificity - 1
    guard denominator > 1e-12 else { return nil }
    return min(1, max(0, (observed + specificity - 1) / denominator))
}

/// Rogan–Gladen correction of a classifier's positive rate with a joint percentile bootstrap that propagates both
/// the sampling uncertainty of the run and the uncertainty of the classifier's sensitivity and specificity.
///
/// - `clusters[c]` are the classifier's positive/negative calls (true = positive) on the units of cluster c of the
///   run (e.g. the samples of one item); p̂ = positives / units, pooled over all clusters.
/// - `positiveHits` of `positives` labelled-positive rows were called positive (Se = hits/positives) and
///   `negativeHits` of `negatives` labelled-negative rows were called negative (Sp = hits/negatives).
///
/// Each replicate draws, all with replacement and in this order: as many clusters as there are (p̂* pools the
/// drawn clusters' units); `positives` labelled-positive rows (Se*); `negatives` labelled-negative rows (Sp*).
/// Draws use `SeededGenerator(seed:)` and `nextInt(below:)` in exactly that order, so the result is
/// bit-reproducible. A replicate with Se* + Sp* ≤ 1 is undefined and counted in `undefinedReplicates`; the
/// percentiles are taken over the defined ones, unless more than (1 − confidence)/2 of all replicates are
/// undefined, in which case the interval is [0, 1].
///
/// - Returns: `nil` when the run has no unit or there is no labelled positive or negative row.
/// - Throws: `StatisticsError` for hits outside [0, count], `replicates` < 1 or a confidence outside (0, 1).
public func roganGladenBootstrap(
    clusters: [[Bool]], positiveHits: Int, positives: Int, negativeHits: Int, negatives: Int,
    replicates: Int = 2000, seed: UInt64, confidence: Double = 0.95
) throws(StatisticsError) -> RoganGladenResult? {
    let function = "roganGladenBootstrap"
    try checkReplicates(replicates, in: function)
    try StatisticsError.checkConfidence(confidence, in: function)
    try StatisticsError.checkNonNegative(positives, named: "positives", in: function)
    try StatisticsError.checkNonNegative(negatives, named: "negatives", in: function)
    guard positiveHits >= 0, positiveHits <= positives else {
        throw StatisticsError(function: function, reason: "positive hits (\(positiveHits)) must lie in 0...\(positives)")
    }
    guard negativeHits >= 0, negativeHits <= negatives else {
        throw StatisticsError(function: function, reason: "negative hits (\(negativeHits)) must lie in 0...\(negatives)")
    }
    let used = clusters.filter { !$0.isEmpty }
    let clusterPositives = used.map { $0.filter { $0 }.count }
    let clusterUnits = used.map(\.count)
    let units = clusterUnits.reduce(0, +)
    guard units > 0, positives > 0, negatives > 0 else { return nil }

    let observed = Double(clusterPositives.reduce(0, +)) / Double(units)
    let sensitivity = Double(positiveHits) / Double(positives)
    let specificity = Double(negativeHits) / Double(negatives)
    let estimate = roganGladenUnchecked(observed: observed, sensitivity: sensitivity, specificity: specificity)

    var generator = SeededGenerator(seed: seed)
    var statistics: [Double] = []
    statistics.reserveCapacity(replicates)
    var undefined = 0
    for _ in 0..<replicates {
        var drawnPositives = 0
        var drawnUnits = 0
        for _ in 0..<used.count {
            let cluster = generator.nextInt(below: used.count)
            drawnPositives += clusterPositives[cluster]
            drawnUnits += clusterUnits[cluster]
        }
        var hits = 0
        for _ in 0..<positives where generator.nextInt(below: positives) < positiveHits { hits += 1 }
        var negativeDrawn = 0
        for _ in 0..<negatives where generator.nextInt(below: negatives) < negativeHits { negativeDrawn += 1 }
        let value = roganGladenUnchecked(
            observed: Double(drawnPositives) / Double(drawnUnits),
            sensitivity: Double(hits) / Double(positives), specificity: Double(negativeDrawn) / Double(negatives))
        if let value { statistics.append(value) } else { undefined += 1 }
    }
    var interval: Interval?
    if let estimate {
        let tail = (1 - confidence) / 2
        if Double(undefined) > tail * Double(replicates) || statistics.isEmpty {
            interval = Interval(lower: 0, upper: 1, estimate: estimate, confidence: confidence)
        } else {
            let sorted = statistics.sorted()
            interval = Interval(lower: quantileOfSorted(sorted, tail) ?? estimate,
                                upper: quantileOfSorted(sorted, 1 - tail) ?? estimate,
                                estimate: estimate, confidence: confidence)
        }
    }
    return RoganGladenResult(
        observed: observed, sensitivity: sensitivity, specificity: specificity, estimate: estimate,
        interval: interval, standardError: estimate == nil ? nil : standardDeviation(statistics),
        replicates: replicates, undefinedReplicates: undefined, seed: seed, clusters: used.count, units: units,
        labelledPositives: positives, labelledNegatives: negatives)
}
