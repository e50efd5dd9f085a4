import Foundation
import Probes
import Runs
import Statistics

/// Text that would run script or load an image if a page failed to escape it.
let hostileText = "<script>alert(1)</script> then \"><img src=x onerror=alert(2)> & 'quotes'"

/// A run stored on disk without any model: the plan of a real built-in suite, with responses and verdicts
/// written straight into the store by a deterministic rule.
struct FixtureRun {
    let directory: URL
    let runID: String
    let suite: ProbeSuite
    let plan: [PlannedSample]
    /// What each sample got: nil = pending (no response).
    let outcome: [String: VerdictCategory?]
    /// The key of the sample whose response and rationale are ``hostileText``.
    let hostileKey: String

    /// The data source of the stored run.
    func source() throws -> RunStoreDataSource { try RunStoreDataSource(directory: directory, runID: runID) }
}

/// The probability a model recognises the value in a mode (the fixture's ground truth).
typealias RecognitionRule = @Sendable (_ model: String, _ mode: ProbeMode) -> Double

let defaultRule: RecognitionRule = { model, mode in
    let strong = model.hasSuffix("alpha")
    switch mode {
    case .explicit: return strong ? 0.9 : 0.75
    case .implicit: return strong ? 0.35 : 0.6
    case .control: return strong ? 0.2 : 0.1
    case .causal: return strong ? 0.6 : 0.5
    }
}

/// A uniform number in [0, 1) from a seed and a salt.
func uniform(_ seed: UInt64, _ salt: UInt64) -> Double {
    Double(SeededGenerator.mix64(seed ^ (salt &* 0x9E37_79B9_7F4A_7C15)) >> 11) / Double(1 << 53)
}

/// The category the fixture gives a sample: about 4 % unparseable, 2 % refused, 2 % failed, 2 % pending, the
/// rest recognised with the rule's probability.
func fixtureCategory(_ sample: PlannedSample, rule: RecognitionRule, salt: UInt64) -> VerdictCategory? {
    let special = uniform(sample.seed, salt &+ 1)
    if special < 0.04 { return .unparseable }
    if special < 0.06 { return .refused }
    if special < 0.08 { return .error }
    if special < 0.10 { return nil }
    return uniform(sample.seed, salt &+ 2) < rule(sample.model, sample.mode) ? .recognised : .missed
}

/// Stores a run of the built-in `khamassi2024` suite for `models` with `samples` samples per prompt.
func makeFixtureRun(_ label: String, models: [String] = ["ollama:alpha", "ollama:beta"], samples: Int = 3,
                    seed: UInt64 = 0, salt: UInt64 = 0, rule: @escaping RecognitionRule = defaultRule) throws -> FixtureRun {
    let suite = try SuiteLoader.load(nameOrPath: "khamassi2024")
    let configuration = RunConfiguration(suite: "khamassi2024", models: models, samples: samples, seed: seed, judge: "fake-judge")
    let plan = try RunPlanner.plan(suite: suite, configuration: configuration)
    let identities = models.map { ModelIdentity(spec: $0, provider: "ollama", name: String($0.dropFirst("ollama:".count))) }
    let manifest = RunManifest(configuration: configuration, suite: suite, models: identities, plannedSamples: plan.count)
    let directory = try temporaryDirectory(label)
    let store = try RunStore.open(directory: directory)
    try store.createOrOpenRun(manifest)
    try store.insertPlan(plan, run: manifest.runID)
    var outcome: [String: VerdictCategory?] = [:]
    // The hostile sample: the first answered, judged sample of the plan.
    var hostileKey = ""
    for sample in plan {
        let category = fixtureCategory(sample, rule: rule, salt: salt)
        outcome[sample.key] = category
        guard let category else { continue }
        if category == .error {
            try store.saveResponse(key: sample.key, SampleResponse(text: "", finishReason: "error", latencyMilliseconds: 1,
                                                                   error: "connection refused"))
            continue
        }
        let hostile = hostileKey.isEmpty && category.isLabelled
        if hostile { hostileKey = sample.key }
        let text = hostile ? hostileText : "Answer \(sample.sampleIndex) to \(sample.itemID) (\(sample.model))"
        try store.saveResponse(key: sample.key, SampleResponse(text: text, finishReason: "stop", promptTokens: 10,
                                                               completionTokens: 20, latencyMilliseconds: 5))
        try store.saveVerdict(Verdict(sampleKey: sample.key, judge: "fake-judge", category: category,
                                      score: category == .recognised ? 80 : 20,
                                      rationale: hostile ? hostileText : "rule verdict \(category.rawValue)"))
    }
    return FixtureRun(directory: directory, runID: manifest.runID, suite: suite, plan: plan, outcome: outcome,
                      hostileKey: hostileKey)
}

/// Options that keep the tests fast.
let fastOptions = MetricOptions(bootstrapReplicates: 200, seed: 7)
