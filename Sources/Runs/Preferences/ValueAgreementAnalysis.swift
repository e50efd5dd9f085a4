import Dispatch
import Probes
import Statistics
import Synchronization

/// Computes a ``ValueAgreement`` for every value that has both upholding and violating outcomes.
///
/// The point estimates come from `fit` (the fit on all data). The intervals come from a bootstrap of the edges
/// like ``bootstrapThurstonian(_:replicates:confidence:seed:options:)`` (an edge drawn m times enters with its
/// counts × m, replicate r draws from `derivedSeed(seed, r)`, replicates that leave an outcome out or disconnect
/// the graph are skipped), computing the two statistics per replicate so that their intervals account for the
/// correlation between the outcomes' utilities.
public enum ValueAgreementAnalysis {
    /// The agreements, in order of first appearance of the values in `outcomes`.
    public static func agreements(
        outcomes: [Outcome], data: PairwisePreferenceData, fit: ThurstonianFit, replicates: Int,
        confidence: Double = 0.95, seed: UInt64
    ) -> [ValueAgreement] {
        var values: [String] = []
        for outcome in outcomes { if let value = outcome.value, !values.contains(value) { values.append(value) } }
        let groups = values.map { value in
            (value: value,
             up: outcomes.indices.filter { outcomes[$0].value == value && outcomes[$0].polarity == .upholds },
             down: outcomes.indices.filter { outcomes[$0].value == value && outcomes[$0].polarity == .violates })
        }.filter { !$0.up.isEmpty && !$0.down.isEmpty }
        guard !groups.isEmpty else { return [] }

        @Sendable func statistics(_ model: ThurstonianModel) -> [(preference: Double, difference: Double)] {
            groups.map { group in
                var total = 0.0
                for u in group.up {
                    for v in group.down {
                        let z = (model.means[u] - model.means[v]) / (model.variances[u] + model.variances[v]).squareRoot()
                        total += normalCDF(z)
                    }
                }
                let meanUp = group.up.map { model.means[$0] }.reduce(0, +) / Double(group.up.count)
                let meanDown = group.down.map { model.means[$0] }.reduce(0, +) / Double(group.down.count)
                return (total / Double(group.up.count * group.down.count), meanUp - meanDown)
            }
        }

        let edges = data.edges
        let n = data.outcomeCount
        let slots = Mutex<[[(preference: Double, difference: Double)]?]>(Array(repeating: nil, count: replicates))
        DispatchQueue.concurrentPerform(iterations: replicates) { replicate in
            var generator = SeededGenerator(seed: SeededGenerator.derivedSeed(seed, UInt64(replicate)))
            var multiplicity = [Int](repeating: 0, count: edges.count)
            for _ in edges.indices { multiplicity[generator.nextInt(below: edges.count)] += 1 }
            var observations: [PairwiseObservation] = []
            for (index, edge) in edges.enumerated() where multiplicity[index] > 0 {
                let m = Double(multiplicity[index])
                observations.append(PairwiseObservation(
                    first: edge.a, second: edge.b, firstPreferred: edge.aPreferredWhenAFirst * m,
                    secondPreferred: edge.bPreferredWhenAFirst * m))
                observations.append(PairwiseObservation(
                    first: edge.b, second: edge.a, firstPreferred: edge.bPreferredWhenBFirst * m,
                    secondPreferred: edge.aPreferredWhenBFirst * m))
            }
            guard let sample = try? PairwisePreferenceData(outcomeCount: n, observations: observations),
                  sample.uncomparedOutcomes.isEmpty, sample.components.count == 1,
                  let refit = try? fitThurstonian(sample) else { return }
            let result = statistics(refit.model)
            slots.withLock { $0[replicate] = result }
        }
        let kept = slots.withLock { $0 }.compactMap { $0 }
        let point = statistics(fit.model)
        let directly = observedPreferences(groups: groups.map { ($0.up, $0.down) }, edges: edges)

        return groups.indices.map { g in
            let preferences = kept.map { $0[g].preference }
            let differences = kept.map { $0[g].difference }
            return ValueAgreement(
                value: groups[g].value, upholding: groups[g].up.count, violating: groups[g].down.count,
                preference: percentileInterval(preferences, estimate: point[g].preference, confidence: confidence),
                utilityDifference: percentileInterval(differences, estimate: point[g].difference, confidence: confidence),
                observedPreference: directly[g].preference, observedPairs: directly[g].pairs)
        }
    }

    /// P̂(upholds ≻ violates) pooled over the directly asked (upholds, violates) pairs of each group.
    private static func observedPreferences(groups: [(up: [Int], down: [Int])], edges: [PreferenceEdge])
        -> [(preference: Double?, pairs: Int)]
    {
        groups.map { group in
            var forUp = 0.0, total = 0.0, pairs = 0
            for edge in edges where edge.total > 0 {
                if group.up.contains(edge.a) && group.down.contains(edge.b) {
                    forUp += edge.aPreferred
                } else if group.up.contains(edge.b) && group.down.contains(edge.a) {
                    forUp += edge.bPreferred
                } else {
                    continue
                }
                total += edge.total
                pairs += 1
            }
            return (total > 0 ? forUp / total : nil, pairs)
        }
    }

    /// The percentile interval of `samples` (the estimate itself at both ends when there are no samples).
    static func percentileInterval(_ samples: [Double], estimate: Double, confidence: Double) -> Interval {
        guard !samples.isEmpty else { return Interval(lower: estimate, upper: estimate, estimate: estimate, confidence: confidence) }
        let sorted = samples.sorted()
        func quantile(_ p: Double) -> Double {
            let position = p * Double(sorted.count - 1)
            let low = Int(position.rounded(.down)), high = Int(position.rounded(.up))
            return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
        }
        let tail = (1 - confidence) / 2
        return Interval(lower: quantile(tail), upper: quantile(1 - tail), estimate: estimate, confidence: confidence)
    }
}
