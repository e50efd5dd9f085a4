/// How much more data a gap across scenarios (``scenarioGapInterval(_:confidence:)``) would need to be told apart
/// from 0, if the gap seen so far were the true one.
///
/// With dₛ, vₛ and S as in ``scenarioGapInterval(_:confidence:)``, v̄ the mean sampling variance at the current
/// number of answers per item m̄ (the mean over scenarios of the two conditions' counts), and the spread between
/// scenarios τ² = max(0, s²_d − v̄) (0 for one scenario), the gap's variance with k times as many answers per item
/// is (τ² + v̄/k)/S. A two-sided test at level α detects Δ̂ with the wanted power when that variance is at most
/// (Δ̂/z)², z = z_{1−α/2} + z_{power}. Then:
/// - k ≤ 1: the run already has enough answers by this criterion (the interval may still include 0: it is a
///   t interval, and Δ̂ is itself uncertain) — ``answersPerItem`` is the current m̄;
/// - a finite k > 1: ``answersPerItem`` = ⌈k·m̄⌉;
/// - τ² ≥ S(Δ̂/z)²: no number of answers suffices, because the scenarios themselves differ too much — more
///   scenarios are needed: ``scenariosNeeded`` = ⌈z²(τ² + v̄)/Δ̂²⌉ at the current answers per item.
public struct GapSampleSize: Sendable, Codable, Equatable, Hashable {
    /// Labelled answers per item (both conditions) that would detect the gap; nil when more answers cannot.
    public var answersPerItem: Int?
    /// The current mean labelled answers per item.
    public var currentAnswersPerItem: Double
    /// Scenarios needed at the current answers per item, when more answers cannot suffice.
    public var scenariosNeeded: Int?
    /// The power aimed at.
    public var power: Double

    enum CodingKeys: String, CodingKey {
        case answersPerItem = "answers_per_item"
        case currentAnswersPerItem = "current_answers_per_item"
        case scenariosNeeded = "scenarios_needed"
        case power
    }

    public init(answersPerItem: Int?, currentAnswersPerItem: Double, scenariosNeeded: Int?, power: Double) {
        self.answersPerItem = answersPerItem
        self.currentAnswersPerItem = currentAnswersPerItem
        self.scenariosNeeded = scenariosNeeded
        self.power = power
    }
}

/// The answers per item (or scenarios) needed to detect the observed gap (``GapSampleSize``).
/// - Returns: nil without complete scenarios or when the observed gap is 0 (there is nothing to detect).
/// - Throws: `StatisticsError` for a confidence or power outside (0, 1).
public func gapSampleSize(_ scenarios: [ScenarioOutcomes], confidence: Double = 0.95, power: Double = 0.8)
    throws(StatisticsError) -> GapSampleSize?
{
    try StatisticsError.checkConfidence(confidence, in: "gapSampleSize")
    try StatisticsError.checkConfidence(power, in: "gapSampleSize (power)")
    let complete = scenarios.filter(\.isComplete)
    let differences = complete.compactMap(\.difference)
    guard !differences.isEmpty else { return nil }
    let count = Double(differences.count)
    let gap = differences.reduce(0, +) / count
    guard abs(gap) > 1e-12 else { return nil }
    let noise = complete.compactMap(\.samplingVariance).reduce(0, +) / count
    let answers = complete.map { Double($0.first.count + $0.second.count) / 2 }.reduce(0, +) / count
    let between = differences.count >= 2 ? max(0, (variance(differences) ?? 0) - noise) : 0
    let z = refinedNormalQuantile((1 + confidence) / 2) + refinedNormalQuantile(power)
    let allowed = count * (gap / z) * (gap / z)  // S·(Δ/z)²: the most τ² + v̄/k may be
    if between >= allowed {
        let needed = (z * z * (between + noise) / (gap * gap)).rounded(.up)
        return GapSampleSize(answersPerItem: nil, currentAnswersPerItem: answers,
                             scenariosNeeded: Int(min(needed, 1e9)), power: power)
    }
    let factor = noise / (allowed - between)
    let perItem = factor <= 1 ? answers : (factor * answers).rounded(.up)
    return GapSampleSize(answersPerItem: Int(min(perItem.rounded(.up), 1e9)), currentAnswersPerItem: answers,
                         scenariosNeeded: nil, power: power)
}
