/// The result of ``stratifiedPermutationTest(_:permutations:seed:)``.
public struct PermutationTestResult: Sendable, Codable, Equatable, Hashable {
    /// The observed statistic: the mean over strata of mean(first) − mean(second).
    public var statistic: Double
    /// Two-sided p-value, (1 + #{|T*| ≥ |T|}) / (1 + B).
    public var pValue: Double
    /// Random permutations drawn (B).
    public var permutations: Int
    /// Seed of the generator that drew them.
    public var seed: UInt64
    /// Strata (scenarios) with outcomes in both conditions.
    public var strata: Int

    enum CodingKeys: String, CodingKey {
        case statistic
        case pValue = "p_value"
        case permutations, seed, strata
    }

    public init(statistic: Double, pValue: Double, permutations: Int, seed: UInt64, strata: Int) {
        self.statistic = statistic
        self.pValue = pValue
        self.permutations = permutations
        self.seed = seed
        self.strata = strata
    }
}

/// A paired test at the sample level within scenarios: is the first condition recognised more (or less) often
/// than the second *within the same scenarios*?
///
/// Null hypothesis: within every scenario both conditions have the same recognition probability, so the
/// condition labels of a scenario's samples are exchangeable. Each permutation reshuffles the labels within every
/// scenario (the count of recognised samples a scenario's first condition receives is then hypergeometric),
/// recomputes T = mean over scenarios of (mean(first) − mean(second)), and the two-sided Monte Carlo p-value is
/// (1 + #{|T*| ≥ |T|}) / (1 + B) (never 0). Conditional on the scenarios: it tests these scenarios, not the
/// population they were drawn from (the interval of ``scenarioGapInterval(_:confidence:)`` does that).
/// - Returns: nil when no scenario has outcomes in both conditions.
/// - Throws: `StatisticsError` when `permutations` < 1.
public func stratifiedPermutationTest(
    _ scenarios: [ScenarioOutcomes], permutations: Int = 4000, seed: UInt64
) throws(StatisticsError) -> PermutationTestResult? {
    guard permutations >= 1 else {
        throw StatisticsError(function: "stratifiedPermutationTest", reason: "permutations (\(permutations)) must be at least 1")
    }
    struct Stratum { let firstCount: Int; let secondCount: Int; let successes: Int }
    let strata = scenarios.filter(\.isComplete).map { scenario in
        Stratum(firstCount: scenario.first.count, secondCount: scenario.second.count,
                successes: scenario.first.filter { $0 }.count + scenario.second.filter { $0 }.count)
    }
    guard !strata.isEmpty else { return nil }
    func statistic(_ firstSuccesses: (Int) -> Int) -> Double {
        var sum = 0.0
        for (index, stratum) in strata.enumerated() {
            let x = firstSuccesses(index)
            sum += Double(x) / Double(stratum.firstCount) - Double(stratum.successes - x) / Double(stratum.secondCount)
        }
        return sum / Double(strata.count)
    }
    let observedFirst = scenarios.filter(\.isComplete).map { $0.first.filter { $0 }.count }
    let observed = statistic { observedFirst[$0] }
    let tolerance = 1e-12
    var generator = SeededGenerator(seed: seed)
    var extreme = 0
    var drawn = [Int](repeating: 0, count: strata.count)
    for _ in 0..<permutations {
        for (index, stratum) in strata.enumerated() {
            // Deal the stratum's successes at random over its pooled samples; count those landing in `first`.
            var remaining = stratum.firstCount + stratum.secondCount
            var successesLeft = stratum.successes
            var inFirst = 0
            for _ in 0..<stratum.firstCount where successesLeft > 0 {
                if generator.nextInt(below: remaining) < successesLeft {
                    inFirst += 1
                    successesLeft -= 1
                }
                remaining -= 1
            }
            drawn[index] = inFirst
        }
        if abs(statistic { drawn[$0] }) >= abs(observed) - tolerance { extreme += 1 }
    }
    return PermutationTestResult(statistic: observed, pValue: Double(1 + extreme) / Double(1 + permutations),
                                 permutations: permutations, seed: seed, strata: strata.count)
}
