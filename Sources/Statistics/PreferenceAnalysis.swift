/// Everything the Utility Engineering measurements report for one set of pairwise preferences: utilities with
/// intervals, held-out log loss and accuracy, transitivity, decisiveness and order consistency.
public struct PreferenceAnalysis: Sendable, Codable, Equatable, Hashable {
    /// The fit on all data with a percentile interval per utility.
    public var bootstrap: ThurstonianBootstrap
    /// The held-out evaluation; `nil` when no edge can be held out (see ``holdoutUnavailable``).
    public var holdout: ThurstonianHoldout?
    /// Why there is no held-out evaluation, in one line; `nil` when there is one.
    public var holdoutUnavailable: String?
    /// Cycle probability and hard-cycle rate; `nil` when no triad has all three pairs compared.
    public var transitivity: PreferenceTransitivity?
    /// Decisiveness, order consistency and position bias of the raw counts.
    public var consistency: PreferenceConsistency
    /// The seed every part's stream was derived from.
    public var seed: UInt64

    /// The fit on all data (normalised utilities).
    public var fit: ThurstonianFit { bootstrap.fit }
}

/// Runs the whole preference analysis with one seed.
///
/// The parts draw from streams derived from `seed`: `SeededGenerator.derivedSeed(seed, 1)` for the held-out split,
/// `derivedSeed(seed, 2)` for the bootstrap and `derivedSeed(seed, 3)` for the triad sample. When every edge is
/// needed to keep the outcomes connected (edges ≤ outcomes − 1), the held-out evaluation is left out and the reason
/// given in ``PreferenceAnalysis/holdoutUnavailable``.
///
/// - Throws: ``StatisticsError`` as ``fitThurstonian(_:options:)``, ``bootstrapThurstonian(_:replicates:confidence:seed:options:)``,
///   ``evaluateThurstonianHoldout(_:fraction:seed:options:)`` and ``preferenceTransitivity(_:maxTriads:seed:)`` do.
public func analyzePreferences(
    _ data: PairwisePreferenceData, seed: UInt64, replicates: Int = 1000, confidence: Double = 0.95,
    heldOutFraction: Double = 0.05, maxTriads: Int = 20_000,
    options: ThurstonianFitOptions = ThurstonianFitOptions()
) throws(StatisticsError) -> PreferenceAnalysis {
    var holdout: ThurstonianHoldout?
    var unavailable: String?
    if data.edges.count > data.outcomeCount - 1 {
        holdout = try evaluateThurstonianHoldout(
            data, fraction: heldOutFraction, seed: SeededGenerator.derivedSeed(seed, 1), options: options)
    } else {
        unavailable = "all \(data.edges.count) edges are needed to keep the \(data.outcomeCount) outcomes connected; none can be held out"
    }
    let bootstrap = try bootstrapThurstonian(
        data, replicates: replicates, confidence: confidence, seed: SeededGenerator.derivedSeed(seed, 2),
        options: options)
    let transitivity = try preferenceTransitivity(
        data, maxTriads: maxTriads, seed: SeededGenerator.derivedSeed(seed, 3))
    return PreferenceAnalysis(
        bootstrap: bootstrap, holdout: holdout, holdoutUnavailable: unavailable, transitivity: transitivity,
        consistency: preferenceConsistency(data), seed: seed)
}
