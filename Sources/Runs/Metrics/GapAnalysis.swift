import Statistics

/// Builds the explicit/implicit pairs of the gap (rules in ``GapMetrics``) and pairs implicit items with their
/// control twins (rules in ``PairAccuracy``).
struct GapAnalysis {
    /// Resampling clusters: an explicit partner's rate with the rates of the implicit items that point to it, or a
    /// fallback pair (family explicit mean, implicit rate).
    var clusters: [PairedCluster] = []
    /// Majority labels (explicit, implicit) per pair, nil on a tie.
    var majorities: [(explicit: Bool?, implicit: Bool?)] = []
    var pairs = 0
    var fallbackPairs = 0
    var unpaired = 0

    init(explicit: [ItemObservations], implicit: [ItemObservations]) {
        var partnerRates: [String: Double] = [:]
        var familyRates: [String: [Double]] = [:]
        for observation in explicit {
            guard let rate = observation.rate else { continue }
            partnerRates[observation.item.id] = rate
            familyRates[observation.family.id, default: []].append(rate)
        }
        var partnerOrder: [String] = []
        var grouped: [String: [Double]] = [:]
        var fallback: [PairedCluster] = []
        for observation in implicit {
            guard let rate = observation.rate else { continue }
            if let partner = observation.item.pairID, let partnerRate = partnerRates[partner] {
                if grouped[partner] == nil { partnerOrder.append(partner) }
                grouped[partner, default: []].append(rate)
                majorities.append((RunMetrics.majority(of: partnerRate), observation.majority))
                pairs += 1
            } else if let familyMean = mean(familyRates[observation.family.id] ?? []) {
                fallback.append(PairedCluster(first: familyMean, second: rate))
                majorities.append((RunMetrics.majority(of: familyMean), observation.majority))
                fallbackPairs += 1
            } else {
                unpaired += 1
            }
        }
        clusters = partnerOrder.compactMap { partner in
            guard let partnerRate = partnerRates[partner], let rates = grouped[partner] else { return nil }
            return PairedCluster(first: [partnerRate], second: rates)
        } + fallback
    }

    /// Adds another value's pairs (for the model-wide gap).
    mutating func append(_ other: GapAnalysis) {
        clusters += other.clusters
        majorities += other.majorities
        pairs += other.pairs
        fallbackPairs += other.fallbackPairs
        unpaired += other.unpaired
    }

    init() {}

    /// The gap metrics: paired bootstrap over the clusters, McNemar over pairs whose majorities are both decided.
    func metrics(differenceOfMeans: Double?, options: MetricOptions, seedLabel: String) throws(StatisticsError) -> GapMetrics {
        let bootstrap = try pairedClusterBootstrap(
            clusters, replicates: options.bootstrapReplicates,
            seed: StatisticSeed.seed(base: options.seed, label: seedLabel), confidence: options.confidence
        )
        var first: [Bool] = []
        var second: [Bool] = []
        var tied = 0
        for pair in majorities {
            guard let explicit = pair.explicit, let implicit = pair.implicit else {
                tied += 1
                continue
            }
            first.append(explicit)
            second.append(implicit)
        }
        let mcnemar = first.isEmpty ? nil : McNemarSummary(try mcnemarTest(first: first, second: second), pairs: first.count)
        return GapMetrics(
            estimate: bootstrap.map { IntervalEstimate(bootstrap: $0, method: .pairedBootstrap) },
            differenceOfMeans: differenceOfMeans, pairs: pairs, fallbackPairs: fallbackPairs, unpaired: unpaired,
            mcnemar: mcnemar, tiedPairs: tied
        )
    }

    /// Implicit items against their control twins.
    static func pairAccuracyCounts(implicit: [ItemObservations], control: [ItemObservations]) -> (correct: Int, decided: Int, undecided: Int) {
        let implicitByID = Dictionary(implicit.map { ($0.item.id, $0) }, uniquingKeysWith: { first, _ in first })
        var correct = 0, decided = 0, undecided = 0
        for twin in control {
            guard let id = twin.item.pairID, let partner = implicitByID[id] else { continue }
            guard let recognised = partner.majority, let flagged = twin.majority else {
                undecided += 1
                continue
            }
            decided += 1
            if recognised && !flagged { correct += 1 }
        }
        return (correct, decided, undecided)
    }
}
