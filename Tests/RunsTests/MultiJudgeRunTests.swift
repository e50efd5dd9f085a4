import Foundation
import Models
import Probes
import Statistics
import Synchronization
import Testing
@testable import Runs

/// A judge that calls everything `category`, counting its calls.
final class ConstantJudge: Judge {
    let spec: String
    let category: VerdictCategory
    let calls = Mutex(0)

    init(spec: String, category: VerdictCategory) {
        self.spec = spec
        self.category = category
    }

    func judge(sample: PlannedSample, item: ProbeItem, family: ProbeFamily, suite: ProbeSuite,
               response: SampleResponse) async throws -> Verdict {
        calls.withLock { $0 += 1 }
        return Verdict(sampleKey: sample.key, judge: spec, category: category)
    }

    var callCount: Int { calls.withLock { $0 } }
}

/// A seeded judge: with its base seed 1 it follows ``FakeJudge``; with any other seed it calls everything missed.
final class SeededFakeJudge: ReseedableJudge {
    let spec = "seeded-judge"
    let seed: UInt64

    init(seed: UInt64 = 1) {
        self.seed = seed
    }

    func reseeded(_ seed: UInt64) -> any Judge { SeededFakeJudge(seed: seed) }

    func judge(sample: PlannedSample, item: ProbeItem, family: ProbeFamily, suite: ProbeSuite,
               response: SampleResponse) async throws -> Verdict {
        Verdict(sampleKey: sample.key, judge: spec,
                category: seed == 1 ? FakeJudge.expectedCategory(for: sample) : .missed)
    }
}

/// The run store's data with the suite given in code (the fixture suite cannot be loaded by name).
struct InMemorySuiteSource: RunDataSource {
    let inner: RunStoreDataSource
    let fixture: ProbeSuite

    func manifest() throws -> RunSummary.Context { try inner.manifest() }
    func suite() throws -> ProbeSuite { fixture }
    func samples() throws -> [JudgedSample] { try inner.samples() }
    func labels() throws -> [HumanLabel] { try inner.labels() }
    func otherVerdicts() throws -> [String: [Verdict]] { try inner.otherVerdicts() }
    func judgeOrder() throws -> [String] { try inner.judgeOrder() }
}

@Suite("Several judges in one run")
struct MultiJudgeRunTests {
    let suite = fixtureSuite()

    func runner(_ directory: URL, _ configuration: RunConfiguration, models: [FakeChatModel], judge: any Judge,
                additional: [any Judge], consistency: Int = 0) -> Runner {
        let bySpec = Dictionary(uniqueKeysWithValues: models.map { ($0.spec.description, $0) })
        return Runner(directory: directory, configuration: configuration, suite: suite, judge: judge,
                      additionalJudges: additional, consistencySamples: consistency,
                      makeModel: { spec in
                          guard let model = bySpec[spec.description] else { throw FakeModelFailure() }
                          return model
                      })
    }

    @Test("a one-judge run keeps its id; adding a judge continues it and judges only the missing verdicts")
    func addJudgeOnResume() async throws {
        let one = RunConfiguration(suite: "fixture", models: ["ollama:a"], samples: 2, judge: "fake-judge")
        var two = one
        two.additionalJudges = ["judge-b"]
        #expect(RunIdentity.runID(configuration: one, suite: suite) == RunIdentity.runID(configuration: two, suite: suite))
        #expect(!RunIdentity.canonicalJSON(configuration: one.resolved(for: suite),
                                           suiteHash: SuiteHash.hash(of: suite)).contains("judge-b"))
        var duplicate = one
        duplicate.additionalJudges = ["fake-judge"]
        #expect(throws: RunConfigurationError.self) { try duplicate.validate() }

        let directory = try temporaryDirectory("multi-judge")
        let planned = variantCount(suite) * 2
        let first = try await runner(directory, one, models: [FakeChatModel(spec: "ollama:a")], judge: FakeJudge(),
                                     additional: []).run()
        #expect(first.isComplete && first.counts.judged == planned)

        let model = FakeChatModel(spec: "ollama:a")
        let primary = FakeJudge()
        let second = ConstantJudge(spec: "judge-b", category: .recognised)
        let resumed = try await runner(directory, two, models: [model], judge: primary, additional: [second]).run()
        #expect(resumed.runID == first.runID && !resumed.isNew)
        #expect(model.calls == 0)                 // nothing asked again
        #expect(primary.callCount == 0)           // the primary judge's verdicts were all there
        #expect(second.callCount == planned)      // the new judge judged every stored response
        let store = try RunStore.open(directory: directory)
        #expect(try store.samples(run: first.runID, judge: "judge-b").allSatisfy { $0.verdict?.category == .recognised })
        #expect(try store.judgeNames(run: first.runID) == ["fake-judge", "judge-b"])

        // A run given the wrong further judges is refused.
        await #expect(throws: RunError.self) {
            _ = try await runner(directory, two, models: [model], judge: primary, additional: []).run()
        }

        // The reports show both judges and their agreement.
        let report = try RunReporting.finish(
            source: InMemorySuiteSource(inner: try RunStoreDataSource(directory: directory), fixture: suite),
            runDirectory: directory, options: MetricOptions(bootstrapReplicates: 200))
        let panel = try #require(report.summary.judgePanel)
        #expect(panel.judges == ["fake-judge", "judge-b"])
        let all = try #require(panel.overallAgreement)
        #expect(all.units == planned)
        let samples = try store.samples(run: first.runID)
        let firstLabels = samples.map { $0.verdict?.category.rawValue ?? "" }
        let expected = try cohenKappa(firstLabels, Array(repeating: "recognised", count: planned))
        #expect(all.pairs.count == 1 && all.pairs[0].kappa == expected?.kappa)
        #expect(all.pairs[0].observedAgreement == expected?.observedAgreement)
        let headlineB = try #require(panel.headlines.first { $0.judge == "judge-b" })
        #expect(headlineB.headline.explicitRate?.estimate == 1)
        #expect(report.table.contains("== judges =="))
        #expect(report.table.contains("kappa 1-2"))
        let markdown = try String(contentsOf: directory.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(markdown.contains("## Judges"))
        let json = try String(contentsOf: directory.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(json.contains("\"judge_panel\""))
        let decoded = try JSONDecoder().decode(RunSummary.self, from: Data(json.utf8))
        #expect(decoded.judgePanel?.judges == panel.judges)
    }

    @Test("the repeat-consistency check asks seeded judges again, stores the repeats and resumes them")
    func consistency() async throws {
        let configuration = RunConfiguration(suite: "fixture", models: ["ollama:a"], samples: 2, judge: "seeded-judge")
        let directory = try temporaryDirectory("consistency")
        let outcome = try await runner(directory, configuration, models: [FakeChatModel(spec: "ollama:a")],
                                       judge: SeededFakeJudge(), additional: [], consistency: 4).run()
        let store = try RunStore.open(directory: directory)
        let same = JudgeRepeat.sameSeed.storedJudge(for: "seeded-judge")
        let other = JudgeRepeat.otherSeed.storedJudge(for: "seeded-judge")
        func repeated(_ name: String) throws -> [JudgedSample] {
            try store.samples(run: outcome.runID, judge: name).filter { $0.verdict != nil }
        }
        #expect(try repeated(same).count == 4 && repeated(other).count == 4)
        let firstFour = Array(try store.samples(run: outcome.runID).prefix(4).map(\.sample.key))
        #expect(try repeated(same).map(\.sample.key) == firstFour)   // the first samples in plan order

        // Resuming with a larger N adds only the missing repeats.
        _ = try await runner(directory, configuration, models: [FakeChatModel(spec: "ollama:a")],
                             judge: SeededFakeJudge(), additional: [], consistency: 6).run()
        #expect(try repeated(same).count == 6 && repeated(other).count == 6)

        let report = try RunReporting.finish(
            source: InMemorySuiteSource(inner: try RunStoreDataSource(directory: directory), fixture: suite),
            runDirectory: directory, options: MetricOptions(bootstrapReplicates: 100))
        let panel = try #require(report.summary.judgePanel)
        #expect(panel.judges == ["seeded-judge"])
        #expect(panel.agreement.isEmpty)
        let sameFigures = try #require(panel.consistency.first { $0.repeatKind == .sameSeed })
        #expect(sameFigures.samples == 6 && sameFigures.agreeing == 6)
        let otherFigures = try #require(panel.consistency.first { $0.repeatKind == .otherSeed })
        let firstSix = try store.samples(run: outcome.runID).prefix(6)
        let missedFirst = firstSix.filter { $0.verdict?.category == .missed }.count
        #expect(otherFigures.samples == 6 && otherFigures.agreeing == missedFirst)
        #expect(report.table.contains("asked again with the same seed: 6 of 6 verdicts agree"))
    }

    @Test("agreement: alpha and kappa on the samples every judge judged, failed answers left out")
    func agreementFigures() throws {
        func sample(_ key: String) -> JudgedSample {
            JudgedSample(sample: PlannedSample(key: key, model: "m", itemID: "i", familyID: "f", value: "v",
                                               mode: .implicit, variant: 0, sampleIndex: 0, pairID: nil, seed: 0))
        }
        let samples = ["a", "b", "c", "d", "e", "f"].map(sample)
        let first: [String: VerdictCategory] = ["a": .recognised, "b": .recognised, "c": .missed, "d": .missed,
                                                "e": .error, "f": .missed]
        let second: [String: VerdictCategory] = ["a": .recognised, "b": .missed, "c": .missed, "d": .missed,
                                                 "e": .error]
        func verdicts(_ judge: String, _ map: [String: VerdictCategory]) -> [String: Verdict] {
            map.mapValues { Verdict(sampleKey: "", judge: judge, category: $0) }
        }
        let figures = try JudgePanel.panelAgreement(
            mode: .implicit, samples: samples, judges: ["A", "B"],
            byJudge: ["A": verdicts("A", first), "B": verdicts("B", second)],
            options: MetricOptions(bootstrapReplicates: 500, seed: 3))
        #expect(figures.units == 4)
        // p_o = 3/4, p_e = 1/2·1/4 + 1/2·3/4 = 1/2 → κ = 1/2. Coincidences: o_rr = 2, o_rm = o_mr = 1, o_mm = 4;
        // D_o = 2/8, D_e = 2·3·5/(8·7) → α = 1 − (1/4)/(30/56) = 8/15.
        #expect(abs((figures.pairs.first?.kappa ?? 0) - 0.5) < 1e-12)
        let alpha = try #require(figures.alpha)
        #expect(abs(alpha.estimate - 8.0 / 15.0) < 1e-12)
        #expect(alpha.method == .rowBootstrap && alpha.lower <= alpha.estimate && alpha.estimate <= alpha.upper)
        let again = try JudgePanel.panelAgreement(
            mode: .implicit, samples: samples, judges: ["A", "B"],
            byJudge: ["A": verdicts("A", first), "B": verdicts("B", second)],
            options: MetricOptions(bootstrapReplicates: 500, seed: 3))
        #expect(again == figures)                       // seeded: the same interval every time
    }
}
