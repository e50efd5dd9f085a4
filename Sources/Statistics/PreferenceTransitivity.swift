/// How transitive the empirical preferences are, over triads of outcomes whose three pairs were all compared.
public struct PreferenceTransitivity: Sendable, Codable, Equatable, Hashable {
    /// Mean over the evaluated triads of P_cycle = P̂_AB·P̂_BC·P̂_CA + P̂_BA·P̂_CB·P̂_AC.
    public var meanCycleProbability: Double
    /// Share of the evaluated triads whose strict majority preferences form a cycle (A ≻ B ≻ C ≻ A or the reverse).
    public var hardCycleRate: Double
    /// Triads evaluated (all complete triads, or a seeded sample of `maxTriads` of them).
    public var triadsEvaluated: Int
    /// Complete triads in the data (all three pairs compared).
    public var completeTriads: Int
    /// Seed of the sample (unused when every complete triad was evaluated).
    public var seed: UInt64
}

/// Cycle probability and hard-cycle rate of the empirical pairwise preferences (Mazeika et al. 2025; see
/// docs/metrics.md, "Preferences and utilities").
///
/// A triad i < j < k enters when all three pairs are edges. With P̂ the pooled empirical preferences,
/// P_cycle = ``cycleProbability(ab:bc:ca:)`` of P̂(i≻j), P̂(j≻k), P̂(k≻i) = 1 − P̂(i≻k): the chance that three
/// independent answers, one per pair, go round a cycle; 0.25 when every P̂ is ½, 0 for a strict order answered
/// deterministically, 1 for a deterministic cycle. A hard cycle is a triad whose three P̂ are all > ½ or all < ½
/// around the cycle; a pair at exactly ½ has no majority, so its triads are never hard cycles.
///
/// When there are more than `maxTriads` complete triads, a uniform sample of `maxTriads` of them is drawn by
/// reservoir sampling (algorithm R) with `SeededGenerator(seed:)` over the triads in (i, j, k) order.
///
/// - Returns: `nil` when no triad is complete.
/// - Throws: ``StatisticsError`` when `maxTriads` < 1.
public func preferenceTransitivity(
    _ data: PairwisePreferenceData, maxTriads: Int = 20_000, seed: UInt64 = 0
) throws(StatisticsError) -> PreferenceTransitivity? {
    guard maxTriads >= 1 else {
        throw StatisticsError(function: "preferenceTransitivity", reason: "maxTriads (\(maxTriads)) must be at least 1")
    }
    let n = data.outcomeCount
    // preference[i][j] = P̂(i ≻ j) for every compared pair, both directions.
    var preference = [[Double?]](repeating: [Double?](repeating: nil, count: n), count: n)
    var larger = [[Int]](repeating: [], count: n)
    for edge in data.edges {
        guard let p = edge.empiricalPreference else { continue }
        preference[edge.a][edge.b] = p
        preference[edge.b][edge.a] = 1 - p
        larger[edge.a].append(edge.b)
    }
    var generator = SeededGenerator(seed: seed)
    var reservoir: [(Int, Int, Int)] = []
    var complete = 0
    for i in 0..<n {
        let neighbours = larger[i].sorted()
        for (position, j) in neighbours.enumerated() {
            for k in neighbours[(position + 1)...] where preference[j][k] != nil {
                if reservoir.count < maxTriads {
                    reservoir.append((i, j, k))
                } else {
                    let slot = generator.nextInt(below: complete + 1)
                    if slot < maxTriads { reservoir[slot] = (i, j, k) }
                }
                complete += 1
            }
        }
    }
    guard !reservoir.isEmpty else { return nil }
    var cycleSum = 0.0
    var hard = 0
    for (i, j, k) in reservoir {
        let ab = preference[i][j] ?? 0.5
        let bc = preference[j][k] ?? 0.5
        let ca = preference[k][i] ?? 0.5
        cycleSum += ab * bc * ca + (1 - ab) * (1 - bc) * (1 - ca)
        if (ab > 0.5 && bc > 0.5 && ca > 0.5) || (ab < 0.5 && bc < 0.5 && ca < 0.5) { hard += 1 }
    }
    return PreferenceTransitivity(
        meanCycleProbability: cycleSum / Double(reservoir.count),
        hardCycleRate: Double(hard) / Double(reservoir.count), triadsEvaluated: reservoir.count,
        completeTriads: complete, seed: seed)
}
