import Foundation
import Models
import Probes
import Testing
@testable import Runs

/// A store with one run of the fixture suite planned.
private func plannedStore(_ label: String, configuration: RunConfiguration = RunConfiguration(
    suite: "fixture", models: ["ollama:a", "ollama:b"], samples: 3, judge: "fake-judge"))
    throws -> (RunStore, String, [PlannedSample])
{
    let suite = fixtureSuite()
    let store = try RunStore.open(directory: try temporaryDirectory(label))
    let plan = try RunPlanner.plan(suite: suite, configuration: configuration)
    let identities = configuration.models.map { ModelIdentity(spec: $0, provider: "ollama", name: $0) }
    let manifest = RunManifest(configuration: configuration, suite: suite, models: identities,
                               plannedSamples: plan.count)
    try store.createOrOpenRun(manifest)
    try store.insertPlan(plan, run: manifest.runID)
    return (store, manifest.runID, plan)
}

private func response(_ text: String, error: String? = nil) -> SampleResponse {
    SampleResponse(text: text, finishReason: error == nil ? "stop" : "error", promptTokens: 5, completionTokens: 7,
                   latencyMilliseconds: 12.5, error: error)
}

@Suite("Run store")
struct StoreTests {
    @Test("a multi-turn answer keeps the model's earlier answers; a version 1 store gains the column on opening")
    func earlierAnswersAndMigration() throws {
        let directory = try temporaryDirectory("store-migration")
        let configuration = RunConfiguration(suite: "fixture", models: ["ollama:a"], samples: 2, judge: "fake-judge")
        let suite = fixtureSuite()
        let plan = try RunPlanner.plan(suite: suite, configuration: configuration)
        let manifest = RunManifest(configuration: configuration, suite: suite,
                                   models: [ModelIdentity(spec: "ollama:a", provider: "ollama", name: "a")],
                                   plannedSamples: plan.count)
        do {
            let store = try RunStore.open(directory: directory)
            try store.createOrOpenRun(manifest)
            try store.insertPlan(plan, run: manifest.runID)
            try store.saveResponse(key: plan[0].key, response("before"))
        }
        // Make it a version 1 store: no `earlier` column.
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("valueprobe.sqlite").path)
        try database.execute("ALTER TABLE responses DROP COLUMN earlier; PRAGMA user_version = 1;")
        #expect(try database.scalar("PRAGMA user_version") == 1)

        let store = try RunStore.open(directory: directory)
        #expect(try store.response(key: plan[0].key)?.earlierAnswers == [])
        var multi = response("final")
        multi.earlierAnswers = ["first, with \"quotes\" and a\nnewline", "second"]
        try store.saveResponse(key: plan[1].key, multi)
        #expect(try store.response(key: plan[1].key) == multi)
        try store.saveResponses([(plan[2].key, multi)])
        #expect(try store.samples(run: manifest.runID)[2].response?.earlierAnswers == multi.earlierAnswers)
        #expect(try database.scalar("PRAGMA user_version") == RunStoreSchema.version)
    }

    @Test("forced-choice answers read back as written; a version 2 store gains their table on opening")
    func choiceAnswersAndMigration() throws {
        let (store, runID, _) = try plannedStore("store-choices")
        let directory = store.directory
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("valueprobe.sqlite").path)
        try database.execute("DROP TABLE choice_answers; PRAGMA user_version = 2;")
        let reopened = try RunStore.open(directory: directory)
        #expect(try database.scalar("PRAGMA user_version") == RunStoreSchema.version)
        let question = PlannedChoice(key: "k1", model: "ollama:a", choiceID: "canopy", familyID: "dignity",
                                     value: "dignity", form: "ab", orderIndex: 1, sampleIndex: 0, seed: 9, method: .exact)
        let exact = ChoiceAnswer(question: question, status: .answered, probabilities: [0.25, 0.75], answerMass: 0.5,
                                 continuationLogProbabilities: [-12.5, -9], continuationMeanLogProbabilities: [-1.25, -1],
                                 latencyMilliseconds: 3)
        var sampled = question
        sampled.key = "k2"
        sampled.method = .sampled
        let invalid = ChoiceAnswer(question: sampled, status: .invalid, probabilities: [], text: "Both, really.",
                                   latencyMilliseconds: 4)
        #expect(try reopened.saveChoiceAnswer(exact, run: runID))
        #expect(try reopened.saveChoiceAnswer(invalid, run: runID))
        #expect(try !reopened.saveChoiceAnswer(exact, run: runID))  // answered once; the first answer is kept
        #expect(try reopened.choiceAnswers(run: runID) == [exact, invalid])
        #expect(try reopened.answeredChoiceKeys(run: runID) == ["k1", "k2"])
        #expect(throws: RunStoreError.unknownRun(id: "nope")) { try reopened.saveChoiceAnswer(exact, run: "nope") }
        try database.execute("UPDATE choice_answers SET probabilities = 'oops' WHERE key = 'k1'")
        #expect(throws: RunStoreError.self) { try reopened.choiceAnswers(run: runID) }
    }

    @Test("manifest, plan and responses read back as written")
    func roundTrip() throws {
        let (store, runID, plan) = try plannedStore("roundtrip")
        let manifest = try #require(try store.manifest(run: runID))
        #expect(manifest.runID == runID)
        #expect(manifest.plannedSamples == plan.count)
        #expect(manifest.suite.hash == SuiteHash.hash(of: fixtureSuite()))
        #expect(manifest.toolVersion == ValueProbeVersion.current)
        #expect(try store.runs().map(\.id) == [runID])

        let first = plan[0], second = plan[1]
        let r1 = response("hello\nworld — ünïcode ✓")
        #expect(try store.saveResponse(key: first.key, r1, attempts: 2))
        let r2 = SampleResponse(text: "", finishReason: "error", latencyMilliseconds: 3, error: "boom")
        #expect(try store.saveResponse(key: second.key, r2))
        #expect(try store.response(key: first.key) == r1)
        #expect(try store.response(key: second.key) == r2)
        #expect(try store.response(key: plan[2].key) == nil)

        let verdict = Verdict(sampleKey: first.key, judge: "fake-judge", category: .recognised, score: 42.5,
                              valuesNamed: ["dignity", "respect"], rationale: "names it", raw: "{\"x\":1}")
        try store.saveVerdict(verdict)
        let all = try store.samples(run: runID)
        #expect(all.map(\.sample) == plan)
        #expect(all[0].response == r1)
        #expect(all[0].verdict == verdict)
        #expect(all[1].response == r2 && all[1].verdict == nil)
        #expect(all[2].response == nil && all[2].verdict == nil)
        // Another judge's verdicts are separate.
        #expect(try store.samples(run: runID, judge: "other")[0].verdict == nil)
    }

    @Test("inserting the plan twice adds nothing; a second response to a sample is ignored")
    func idempotence() throws {
        let (store, runID, plan) = try plannedStore("idempotent")
        #expect(try store.insertPlan(plan, run: runID) == 0)
        #expect(try store.counts(run: runID).planned == plan.count)
        #expect(try store.pendingSamples(run: runID) == plan)

        #expect(try store.saveResponse(key: plan[3].key, response("first")))
        #expect(try store.saveResponse(key: plan[3].key, response("second")) == false)
        #expect(try store.response(key: plan[3].key)?.text == "first")
        let rows = try responseRowCounts(store)
        #expect(rows.rows == 1 && rows.distinct == 1)

        // Reopening the same directory finds the same run, not a new one.
        let reopened = try RunStore.open(directory: store.directory)
        let manifest = try #require(try reopened.manifest(run: runID))
        #expect(try reopened.createOrOpenRun(manifest).isNew == false)
        #expect(try reopened.counts(run: runID).answered == 1)
    }

    @Test("pending and unjudged follow responses and verdicts, per judge")
    func pendingAndUnjudged() throws {
        let (store, runID, plan) = try plannedStore("pending")
        let answered = stride(from: 0, to: plan.count, by: 3).map { plan[$0] }
        for sample in answered { try store.saveResponse(key: sample.key, response(sample.key)) }
        let answeredKeys = Set(answered.map(\.key))
        #expect(try store.pendingSamples(run: runID) == plan.filter { !answeredKeys.contains($0.key) })

        let judgedNow = answered.prefix(2)
        for sample in judgedNow {
            try store.saveVerdict(Verdict(sampleKey: sample.key, judge: "fake-judge", category: .missed))
        }
        let unjudged = try store.unjudged(run: runID, judge: "fake-judge")
        #expect(unjudged.map(\.sample) == Array(answered.dropFirst(2)))
        #expect(unjudged.allSatisfy { $0.response?.text == $0.sample.key })
        #expect(try store.unjudged(run: runID, judge: "other").count == answered.count)

        let counts = try store.counts(run: runID)
        #expect(counts.planned == plan.count)
        #expect(counts.answered == answered.count)
        #expect(counts.pending == plan.count - answered.count)
        #expect(counts.judged == 2 && counts.count(.missed) == 2 && counts.unjudged == answered.count - 2)
    }

    @Test("deleting failed responses makes their samples pending again and drops their verdicts")
    func deleteErrors() throws {
        let (store, runID, plan) = try plannedStore("errors")
        try store.saveResponse(key: plan[0].key, response("ok"))
        try store.saveResponse(key: plan[1].key, response("", error: "timeout"))
        try store.saveVerdict(Verdict(sampleKey: plan[1].key, judge: "fake-judge", category: .error))
        try store.saveVerdict(Verdict(sampleKey: plan[0].key, judge: "fake-judge", category: .recognised))
        #expect(try store.counts(run: runID).failed == 1)
        #expect(try store.deleteErrorResponses(run: runID) == 1)
        let counts = try store.counts(run: runID)
        #expect(counts.answered == 1 && counts.failed == 0 && counts.judged == 1)
        #expect(try store.pendingSamples(run: runID).first == plan[1])
        #expect(try store.response(key: plan[0].key)?.text == "ok")
    }

    @Test("unknown keys and runs are refused with one-line errors")
    func unknownKeys() throws {
        let (store, runID, plan) = try plannedStore("unknown")
        #expect(throws: RunStoreError.unknownSample(key: "nope")) {
            try store.saveResponse(key: "nope", response("x"))
        }
        #expect(throws: RunStoreError.unknownSample(key: plan[0].key)) {
            try store.saveVerdict(Verdict(sampleKey: plan[0].key, judge: "j", category: .missed))
        }
        #expect(throws: RunStoreError.unknownRun(id: "0000")) { try store.insertPlan(plan, run: "0000") }
        #expect(throws: RunStoreError.unknownSample(key: "zz")) {
            try store.saveLabels([HumanLabel(sampleKey: "zz", recognised: true)])
        }
        #expect(try store.counts(run: runID).answered == 0)
        #expect(!RunStoreError.unknownSample(key: "k").description.contains("\n"))
    }

    @Test("human labels round trip, one per sample and annotator")
    func labels() throws {
        let (store, runID, plan) = try plannedStore("labels")
        let labels = [
            HumanLabel(sampleKey: plan[4].key, recognised: true, annotator: "ann", note: "clear"),
            HumanLabel(sampleKey: plan[1].key, recognised: nil, annotator: "ann", note: "unsure"),
            HumanLabel(sampleKey: plan[1].key, recognised: false, annotator: "bob"),
        ]
        #expect(try store.saveLabels(labels) == 3)
        // Plan order, then annotator.
        #expect(try store.labels(run: runID) == [labels[1], labels[2], labels[0]])
        let changed = HumanLabel(sampleKey: plan[4].key, recognised: false, annotator: "ann", note: "changed")
        try store.saveLabels([changed])
        #expect(try store.labels(run: runID).count == 3)
        #expect(try store.labels(run: runID).last == changed)
    }

    @Test("the file is in WAL mode with full sync, and a newer schema is refused")
    func settings() throws {
        let (store, _, _) = try plannedStore("settings")
        let modes = try store.withDatabase { db in (try db.pragma("journal_mode"), try db.pragma("synchronous")) }
        #expect(modes.0 == "wal")
        #expect(modes.1 == "2")  // FULL
        try store.withDatabase { db in try db.execute("PRAGMA user_version = 99") }
        #expect(throws: RunStoreError.self) { try RunStore.open(directory: store.directory) }
    }

    @Test("whole-run queries use indexes, never a full table scan")
    func queryPlans() throws {
        let (store, runID, _) = try plannedStore("plans")
        for (sql, parameters) in RunStoreQueries.all {
            let values: [SQLiteValue] = parameters == 1 ? [.text(runID)] : [.text(runID), .text("judge")]
            let plan = try store.withDatabase { db in
                try db.query("EXPLAIN QUERY PLAN " + sql, values) { $0.text(3) }
            }
            #expect(!plan.isEmpty)
            // Every step is a SEARCH (an index lookup); a SCAN would read a whole table.
            for step in plan where step.hasPrefix("SCAN") {
                Issue.record("full scan in '\(sql)': \(step)")
            }
        }
    }

    @Test("counts and pending stay fast with 100,000 planned samples")
    func largeRun() throws {
        let configuration = RunConfiguration(suite: "fixture", models: ["ollama:a", "ollama:b"], samples: 6_250,
                                             judge: "fake-judge")
        let clock = ContinuousClock()
        let (store, runID, plan) = try plannedStore("large", configuration: configuration)
        #expect(plan.count == 2 * 6_250 * variantCount(fixtureSuite()))
        #expect(plan.count >= 100_000)
        try store.withDatabase { db in
            try db.transaction {
                for sample in plan.prefix(60_000) {
                    try db.run("""
                        INSERT INTO responses (key, run_id, text, finish_reason, latency_ms, error, attempts, created)
                        VALUES (?, ?, 'x', 'stop', 1, NULL, 1, 'now')
                        """, [.text(sample.key), .text(runID)])
                }
            }
        }
        let start = clock.now
        let counts = try store.counts(run: runID)
        let pending = try store.pendingSamples(run: runID)
        let elapsed = clock.now - start
        #expect(counts.planned == plan.count && counts.answered == 60_000)
        #expect(pending.count == plan.count - 60_000)
        #expect(pending.first == plan[60_000])
        #expect(elapsed < .seconds(5), "counts + pending took \(elapsed)")
    }

    @Test("no environment value reaches the store")
    func noSecrets() throws {
        let planted = "vp-planted-\(UUID().uuidString)"
        setenv("VALUEPROBE_TEST_PLANTED_SECRET", planted, 1)
        defer { unsetenv("VALUEPROBE_TEST_PLANTED_SECRET") }
        let configuration = RunConfiguration(suite: "fixture", models: ["openai:gpt-4o-mini", "ollama:llama3"],
                                             samples: 1, judge: "fake-judge")
        let suite = fixtureSuite()
        let identities = try configuration.modelSpecs().map { try ModelIdentity.resolve($0) }
        let manifest = RunManifest(configuration: configuration, suite: suite, models: identities, plannedSamples: 1)
        let store = try RunStore.open(directory: try temporaryDirectory("secrets"))
        try store.createOrOpenRun(manifest)
        try store.insertPlan(try RunPlanner.plan(suite: suite, configuration: configuration), run: manifest.runID)
        let text = try manifest.jsonText()
        let secrets = ProcessInfo.processInfo.environment.filter { name, value in
            value.count >= 8 && (name.contains("KEY") || name.contains("TOKEN") || name.contains("SECRET")
                || name.contains("PASSWORD"))
        }
        #expect(secrets["VALUEPROBE_TEST_PLANTED_SECRET"] == planted)
        var bytes = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: store.directory.path) {
            bytes.append(try Data(contentsOf: store.directory.appendingPathComponent(name)))
        }
        for (name, value) in secrets {
            #expect(!text.contains(value), "manifest holds the value of \(name)")
            #expect(bytes.range(of: Data(value.utf8)) == nil, "store holds the value of \(name)")
        }
    }
}
