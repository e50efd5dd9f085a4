import Foundation
import Probes
import Runs

/// A fresh temporary directory.
func temporaryDirectory(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("viewer-tests-\(label)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Text no page may turn into markup: a script element, an image with an error handler, a closing tag.
let hostileResponse = #"</pre><script>window.pwned = 1</script><img src="x" onerror="window.pwned = 2"> plain tail"#

/// A deterministic outcome for the sample at plan position `index`: most are recognised or missed, some are
/// refused, unparseable, failed, unjudged or still pending.
enum FixtureOutcome: Equatable {
    case pending
    case unjudged
    case judged(VerdictCategory)

    init(index: Int) {
        switch index % 23 {
        case 0: self = .pending
        case 1: self = .unjudged
        case 2: self = .judged(.refused)
        case 3: self = .judged(.unparseable)
        case 4: self = .judged(.error)
        default: self = .judged((index * 7) % 5 < 3 ? .recognised : .missed)
        }
    }
}

/// A run of `suite` (a built-in name) with `models`, stored in `directory` with fixture outcomes: responses and
/// verdicts of `judge` written in bulk. The response of the first sample of the second item is ``hostileResponse``.
@discardableResult
func storeFixtureRun(in directory: URL, suite name: String = "khamassi2024", models: [String] = ["ollama:alpha", "ollama:beta"],
                     samples: Int = 2, seed: UInt64 = 0, judge: String = "rubric") throws -> (runID: String, plan: [PlannedSample]) {
    let suite = try SuiteLoader.load(nameOrPath: name)
    let configuration = RunConfiguration(suite: name, models: models, samples: samples, seed: seed, judge: judge)
    let plan = try RunPlanner.plan(suite: suite, configuration: configuration)
    let identities = models.map { ModelIdentity(spec: $0, provider: "ollama", name: $0) }
    let manifest = RunManifest(configuration: configuration, suite: suite, models: identities, plannedSamples: plan.count)
    let store = try RunStore.open(directory: directory)
    try store.createOrOpenRun(manifest)
    try store.insertPlan(plan, run: manifest.runID)
    let hostileItem = Array(NSOrderedSet(array: plan.map(\.itemID)))[1] as? String
    var responses: [(key: String, response: SampleResponse)] = []
    var verdicts: [Verdict] = []
    var hostileDone = false
    for (index, sample) in plan.enumerated() {
        // The seed shifts the outcomes, so that runs with different seeds differ.
        var outcome = FixtureOutcome(index: index &+ Int(seed % 1000) &* 5)
        let isHostile = !hostileDone && sample.itemID == hostileItem
        if isHostile && outcome == .pending { outcome = .judged(.missed) }  // the hostile sample always has a response
        if outcome == .pending { continue }
        var text = "Answer \(index) about \(sample.value)."
        if isHostile {
            text = hostileResponse
            hostileDone = true
        }
        let failed = outcome == .judged(.error)
        responses.append((sample.key, SampleResponse(text: failed ? "" : text, finishReason: failed ? "error" : "stop",
                                                     completionTokens: 10 + index % 7, latencyMilliseconds: 20,
                                                     error: failed ? "connection refused" : nil)))
        if case .judged(let category) = outcome {
            verdicts.append(Verdict(sampleKey: sample.key, judge: manifest.judge, category: category,
                                    score: category == .recognised ? 80 : 10, valuesNamed: [sample.value],
                                    rationale: "fixture rationale <b>\(index)</b>"))
        }
    }
    try store.saveResponses(responses)
    try store.saveVerdicts(verdicts)
    return (manifest.runID, plan)
}
