/// A paired difference across scenarios, Δ = mean over scenarios of (rate₁ − rate₂), with an interval that counts
/// both sources of noise: which scenarios were written and which answers were sampled.
public struct ScenarioGapInterval: Sendable, Codable, Equatable, Hashable {
    /// How the interval was made.
    public enum Method: String, Sendable, Codable, Equatable, Hashable {
        /// Δ̂ ± t_{S−1}·SE with SE² = max(s²_d, mean v_s)/S (two or more scenarios).
        case scenarioT = "scenario_t"
        /// One scenario: Δ̂ ± z·√v — sampling noise only, conditional on that scenario.
        case conditional
    }

    /// Δ̂, the mean of the scenarios' differences.
    public var estimate: Double
    /// The interval, clipped to [−1, 1].
    public var interval: Interval
    /// The standard error used.
    public var standardError: Double
    /// Scenarios with outcomes in both conditions (S).
    public var scenarios: Int
    /// S − 1 for ``Method/scenarioT``; nil for the conditional interval (a normal quantile).
    public var degreesOfFreedom: Int?
    /// True when the scenarios' differences varied less than their own sampling noise, so the sampling-noise floor
    /// set the standard error.
    public var samplingFloor: Bool
    /// The method.
    public var method: Method

    enum CodingKeys: String, CodingKey {
        case estimate, interval
        case standardError = "standard_error"
        case scenarios
        case degreesOfFreedom = "degrees_of_freedom"
        case samplingFloor = "sampling_floor"
        case method
    }

    public init(estimate: Double, interval: Interval, standardError: Double, scenarios: Int, degreesOfFreedom: Int?,
                samplingFloor: Bool, method: Method) {
        self.estimate = estimate
        self.interval = interval
        self.standardError = standardError
        self.scenarios = scenarios
        self.degreesOfFreedom = degreesOfFreedom
        self.samplingFloor = samplingFloor
        self.method = method
    }
}

/// The gap across scenarios with a scenario-level t interval (the paired t interval on scenario differences) whose
/// standard error never falls below the samples' own binomial noise.
///
/// With dₛ = mean(firstₛ) − mean(secondₛ) and vₛ its binomial sampling variance (``ScenarioOutcomes/samplingVariance``),
/// over the S complete scenarios:
/// - Δ̂ = mean(dₛ);
/// - S ≥ 2: SE² = max(s²_d, mean vₛ)/S, interval Δ̂ ± t_{S−1, (1+c)/2}·SE. The observed spread s²_d of the scenario
///   differences already holds both the spread between scenarios and each scenario's sampling noise, which is what
///   a paired t interval over scenarios uses; the floor mean vₛ keeps the interval from collapsing when a few
///   scenarios happen to agree (Var(dₛ) can never be below the sampling variance);
/// - S = 1: the conditional interval Δ̂ ± z·√v₁: sampling noise only; it says nothing about other scenarios.
///
/// Coverage by simulation (see `docs/metrics.md`): 93–97 % for 8–24 scenarios with 3–10 samples, conservative for
/// 2–3 scenarios. The interval is clipped to [−1, 1]; its width is 0 only when every outcome agrees within each
/// condition of every scenario and all scenarios have the same difference.
/// - Returns: nil when no scenario has outcomes in both conditions.
/// - Throws: `StatisticsError` for a confidence outside (0, 1).
public func scenarioGapInterval(_ scenarios: [ScenarioOutcomes], confidence: Double = 0.95) throws(StatisticsError) -> ScenarioGapInterval? {
    try StatisticsError.checkConfidence(confidence, in: "scenarioGapInterval")
    let complete = scenarios.filter(\.isComplete)
    guard !complete.isEmpty else { return nil }
    let differences = complete.compactMap(\.difference)
    let noise = complete.compactMap(\.samplingVariance)
    let count = differences.count
    let estimate = differences.reduce(0, +) / Double(count)
    let meanNoise = noise.reduce(0, +) / Double(count)

    let standardError: Double
    let quantile: Double
    let floor: Bool
    let method: ScenarioGapInterval.Method
    if count >= 2 {
        let spread = variance(differences) ?? 0
        floor = spread < meanNoise
        standardError = (max(spread, meanNoise) / Double(count)).squareRoot()
        quantile = try studentTQuantile((1 + confidence) / 2, degreesOfFreedom: Double(count - 1))
        method = .scenarioT
    } else {
        floor = true
        standardError = meanNoise.squareRoot()
        quantile = refinedNormalQuantile((1 + confidence) / 2)
        method = .conditional
    }
    let lower = max(-1, estimate - quantile * standardError)
    let upper = min(1, estimate + quantile * standardError)
    return ScenarioGapInterval(
        estimate: estimate, interval: Interval(lower: lower, upper: upper, estimate: estimate, confidence: confidence),
        standardError: standardError, scenarios: count, degreesOfFreedom: count >= 2 ? count - 1 : nil,
        samplingFloor: floor, method: method)
}
