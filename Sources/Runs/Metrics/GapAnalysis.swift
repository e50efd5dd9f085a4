import Statistics

/// Builds the explicit/implicit scenarios of the gap (rules in ``GapMetrics``) and pairs implicit items with their
/// control twins (rules in ``PairAccuracy``).
struct GapAnalysis {
    /// One scenario per explicit partner (its samples, and those of every implicit item that points to it), then
    /// one per implicit item paired with its family's explicit items (a fallback pair).
    var scenarios: [ScenarioOutcomes] = []
    var pairs = 0
    var fallbackPairs = 0
    var unpaired = 0

    init(explicit: [ItemObservations], implicit: [ItemObservations]) {
        var partnerLabels: [String: [Bool]] = [:]
        var familyLabels: [String: [Bool]] = [:]
        for observation in explicit {
            let labels = observation.labels
            guard !labels.isEmpty else { continue }
            partnerLabels[observation.item.id] = labels
            familyLabels[observation.family.id, default: []] += labels
        }
        var partnerOrder: [String] = []
        var grouped: [String: [Bool]] = [:]
        var fallback: [ScenarioOutcomes] = []
        for observation in implicit {
            let labels = observation.labels
            guard !labels.isEmpty else { continue }
            if let partner = observation.item.pairID, partnerLabels[partner] != nil {
                if grouped[partner] == nil { partnerOrder.append(partner) }
                grouped[partner, default: []] += labels
                pairs += 1
            } else if let family = familyLabels[observation.family.id] {
                fallback.append(ScenarioOutcomes(first: family, second: labels))
                fallbackPairs += 1
            } else {
                unpaired += 1
            }
        }
        scenarios = partnerOrder.compactMap { partner in
            guard let first = partnerLabels[partner], let second = grouped[partner] else { return nil }
            return ScenarioOutcomes(first: first, second: second)
        } + fallback
    }

    /// Adds another value's scenarios (for the model-wide gap).
    mutating func append(_ other: GapAnalysis) {
        scenarios += other.scenarios
        pairs += other.pairs
        fallbackPairs += other.fallbackPairs
        unpaired += other.unpaired
    }

    init() {}

    /// The gap metrics: the scenario-level t interval and the stratified permutation test over the scenarios.
    func metrics(differenceOfMeans: Double?, options: MetricOptions, seedLabel: String) throws(StatisticsError) -> GapMetrics {
        let interval = try scenarioGapInterval(scenarios, confidence: options.confidence)
        let test = try stratifiedPermutationTest(
            scenarios, permutations: options.bootstrapReplicates, seed: StatisticSeed.seed(base: options.seed, label: seedLabel))
        return GapMetrics(
            estimate: interval.map(IntervalEstimate.init(scenarioGap:)), differenceOfMeans: differenceOfMeans,
            pairs: pairs, fallbackPairs: fallbackPairs, unpaired: unpaired, scenarios: interval?.scenarios ?? 0,
            samplingFloor: interval?.samplingFloor ?? false, permutation: test,
            sampleSize: try gapSampleSize(scenarios, confidence: options.confidence),
            pairedExplicit: Self.meanRate(scenarios, \.first), pairedImplicit: Self.meanRate(scenarios, \.second))
    }

    /// The mean over complete scenarios of one condition's rate; nil without complete scenarios.
    static func meanRate(_ scenarios: [ScenarioOutcomes], _ side: KeyPath<ScenarioOutcomes, [Bool]>) -> Double? {
        let rates = scenarios.filter(\.isComplete).map { outcome in
            Double(outcome[keyPath: side].filter { $0 }.count) / Double(outcome[keyPath: side].count)
        }
        return rates.isEmpty ? nil : rates.reduce(0, +) / Double(rates.count)
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
