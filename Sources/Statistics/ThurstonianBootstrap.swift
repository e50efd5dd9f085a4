import Dispatch
import Synchronization

/// Percentile bootstrap intervals for the utilities of a Thurstonian fit.
public struct ThurstonianBootstrap: Sendable, Codable, Equatable, Hashable {
    /// The fit on all the data; its normalised means are the estimates.
    public var fit: ThurstonianFit
    /// One result per outcome: the normalised mean μᵢ with its percentile interval over the kept replicates.
    public var utilities: [BootstrapResult]
    /// Replicates drawn.
    public var replicatesDrawn: Int
    /// Replicates left out because an outcome was not drawn or the drawn edges fell apart into separate groups
    /// (the utilities would not be identified on such a sample).
    public var replicatesSkipped: Int
    /// Kept replicates whose fit stopped at the iteration cap or without a lower step.
    public var replicatesUnconverged: Int
    /// Seed of the resampling.
    public var seed: UInt64
}

/// Bootstraps the utilities by resampling edges (pairs) with replacement.
///
/// Replicate r draws `edges` edge indices with its own generator,
/// `SeededGenerator(seed: SeededGenerator.derivedSeed(seed, r))`, and `nextInt(below:)`; an edge drawn m times
/// enters with all its counts multiplied by m. Replicates run in parallel (Dispatch `concurrentPerform`); each has
/// its own stream and slot, so the result is bit-identical whatever the number of cores or the scheduling. Each
/// replicate is refitted (warm-started from the full fit, which changes only the number of iterations) and
/// normalised like the full fit (mean 0, SD 1), so that its means are on the same scale; the interval of outcome i is the percentile interval of its replicate means
/// (quantiles (1 − confidence)/2 and (1 + confidence)/2, linear interpolation). Replicates that leave an outcome
/// out or disconnect the comparison graph are skipped and counted.
///
/// - Throws: ``StatisticsError`` when `replicates` < 1, the confidence lies outside (0, 1), the data are not
///   connected, no replicate could be kept, or the options are invalid.
public func bootstrapThurstonian(
    _ data: PairwisePreferenceData, replicates: Int = 1000, confidence: Double = 0.95, seed: UInt64,
    options: ThurstonianFitOptions = ThurstonianFitOptions()
) throws(StatisticsError) -> ThurstonianBootstrap {
    let function = "bootstrapThurstonian"
    try checkReplicates(replicates, in: function)
    try StatisticsError.checkConfidence(confidence, in: function)
    try options.check(in: function)
    try checkConnected(data, in: function)

    let fit = fitConnectedThurstonian(data, options: options, start: nil)
    let n = data.outcomeCount
    let edges = data.edges
    // One slot per replicate: its normalised means and whether it converged, or nil when skipped.
    let slots = Mutex<[(means: [Double], converged: Bool)?]>(Array(repeating: nil, count: replicates))
    DispatchQueue.concurrentPerform(iterations: replicates) { replicate in
        var generator = SeededGenerator(seed: SeededGenerator.derivedSeed(seed, UInt64(replicate)))
        var multiplicity = [Int](repeating: 0, count: edges.count)
        for _ in 0..<edges.count { multiplicity[generator.nextInt(below: edges.count)] += 1 }
        var forest = UnionFind(count: n)
        var groups = n
        var drawn: [PreferenceEdge] = []
        for (index, count) in multiplicity.enumerated() where count > 0 {
            drawn.append(edges[index].scaled(by: Double(count)))
            if forest.union(edges[index].a, edges[index].b) { groups -= 1 }
        }
        guard groups == 1 else { return }
        let refit = fitConnectedThurstonian(
            PairwisePreferenceData(outcomeCount: n, checkedEdges: drawn), options: options,
            start: fit.rawParameters)
        slots.withLock { $0[replicate] = (refit.model.means, refit.converged) }
    }
    let kept = slots.withLock { $0 }.compactMap { $0 }
    let skipped = replicates - kept.count
    let unconverged = kept.filter { !$0.converged }.count
    let samples = (0..<n).map { outcome in kept.map { $0.means[outcome] } }
    guard skipped < replicates else {
        throw StatisticsError(
            function: function,
            reason: "none of the \(replicates) replicates kept every outcome connected; the comparison design is too sparse to bootstrap by edges")
    }
    let utilities = (0..<n).map { outcome in
        BootstrapResult.summarising(
            samples[outcome], estimate: fit.model.means[outcome], confidence: confidence, seed: seed,
            units: edges.count)
    }
    return ThurstonianBootstrap(
        fit: fit, utilities: utilities, replicatesDrawn: replicates, replicatesSkipped: skipped,
        replicatesUnconverged: unconverged, seed: seed)
}
