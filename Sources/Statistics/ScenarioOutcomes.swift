/// The 0/1 outcomes of one scenario of a paired design, per condition: e.g. every sampled verdict on the explicit
/// question of a scenario (`first`) and on its implicit request (`second`). A scenario is the unit the experiment
/// generalises over; its samples are repeated measurements within it.
public struct ScenarioOutcomes: Sendable, Codable, Equatable, Hashable {
    /// Outcomes of the first condition (e.g. explicit: recognised = true).
    public var first: [Bool]
    /// Outcomes of the second condition (e.g. implicit).
    public var second: [Bool]

    /// A scenario's outcomes.
    public init(first: [Bool], second: [Bool]) {
        self.first = first
        self.second = second
    }

    /// Whether both conditions have at least one outcome.
    public var isComplete: Bool { !first.isEmpty && !second.isEmpty }

    /// mean(first) − mean(second); nil unless complete.
    public var difference: Double? {
        guard isComplete else { return nil }
        return rate(first) - rate(second)
    }

    /// The binomial sampling variance of ``difference`` given the scenario's own rates:
    /// p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂ (0 when every outcome of each condition agrees).
    public var samplingVariance: Double? {
        guard isComplete else { return nil }
        let p1 = rate(first), p2 = rate(second)
        return p1 * (1 - p1) / Double(first.count) + p2 * (1 - p2) / Double(second.count)
    }

    private func rate(_ outcomes: [Bool]) -> Double {
        Double(outcomes.reduce(0) { $0 + ($1 ? 1 : 0) }) / Double(outcomes.count)
    }
}
