import Foundation
import Probes
import Statistics
import Testing
@testable import Runs

private typealias F = MetricFixtures

@Suite("Value profile: says, notices, chooses and prefers side by side", .serialized)
struct ValueProfileTests {
    static let spec = ScriptedPreferenceModel().spec.description

    /// A judged run of `model` on the value "thrift": four explicit items recognised 10/10, 9/10, 10/10, 9/10 and
    /// two implicit items never recognised — the weak-alignment pattern.
    static func judgedRun(model: String = spec, id: String = "judged") throws -> ValueProfile.RunInput {
        let explicit = (1...4).map { F.item("e\($0)", .explicit) }
        let implicit = (1...2).map { F.item("i\($0)", .implicit) }
        let suite = F.suite([F.family("thrift", explicit + implicit)])
        let samples = zip(explicit, [10, 9, 10, 9]).flatMap { item, r in
            F.samples(item, value: "thrift", model: model, variants: [F.labels(r, of: 10)])
        } + implicit.flatMap { F.samples($0, value: "thrift", model: model, variants: [F.labels(0, of: 10)]) }
        var summary = try RunMetrics.compute(samples: samples, suite: suite, options: F.fast)
        summary.context.runID = id
        return ValueProfile.RunInput(summary: summary, directory: "/runs/\(id)")
    }

    /// A finished preference run over the money outcomes (thrift: 500 dollars upholds it, 1 dollar violates it),
    /// answered by a model that prefers the larger sum, reloaded from its `result.json`.
    static func preferenceRun() async throws -> (PrefsResult, PrefsResult) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("value-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = ScriptedPreferenceModel()
        let configuration = PrefsConfiguration(outcomeSet: "money.yaml", model: model.spec.description, pairs: 12,
                                               samples: 4, seed: 3, replicates: 60)
        let result = try await PrefsRunner(
            directory: directory, configuration: configuration, outcomeSet: moneyOutcomes, model: model,
            identity: ModelIdentity(spec: model.spec.description, provider: "test", name: "test")).run()
        return (result, try PrefsResult.load(directory: directory))
    }

    @Test("a preference run's result.json reads back as the result it printed")
    func resultFileRoundTrip() async throws {
        let (result, loaded) = try await Self.preferenceRun()
        #expect(loaded.manifest == result.manifest)
        #expect(loaded.utilities == result.utilities)
        #expect(loaded.agreements == result.agreements)
        #expect(loaded.tally == result.tally)
    }

    @Test("explicit, implicit and utilities of one model land in one row; the measures below explicit are named")
    func sideBySide() async throws {
        let (prefs, _) = try await Self.preferenceRun()
        let profile = try ValueProfile.build(runs: [try Self.judgedRun()], prefs: [prefs])
        #expect(profile.model == Self.spec)
        #expect(profile.sources.map(\.kind) == ["run", "prefs"])
        #expect(profile.sources[0].measures == ["explicit", "implicit"])
        #expect(profile.sources[1].measures == ["utilities"])
        let thrift = try #require(profile.rows.first { $0.value == "thrift" })
        let explicit = try #require(thrift.explicit)
        #expect(abs(explicit.estimate - 0.95) < 1e-12)
        #expect(thrift.implicit?.estimate == 0 && thrift.implicit?.upper == 0)
        #expect(thrift.falseAlarm == nil && thrift.choiceKept == nil)
        // The scripted model prefers 500 dollars to 1 dollar: its utilities agree with thrift.
        let utilities = try #require(thrift.utilityPreference)
        #expect(utilities == prefs.agreements.first { $0.value == "thrift" }?.preference)
        #expect(utilities.estimate > 0.5)
        // Implicit recognition (0 [0,0]) lies wholly below explicit; the utilities do not (their interval reaches
        // above the explicit lower bound, or they would be named too).
        #expect(thrift.belowExplicit.contains("implicit"))
        #expect(thrift.belowExplicit.contains("utilities") == (utilities.upper < explicit.lower))
        let text = ValueProfileText.terminal(profile, width: 120)
        #expect(text.contains("thrift") && text.contains("95 [") && text.contains("implicit"))
        let markdown = ValueProfileText.markdown(profile)
        #expect(markdown.contains("| thrift | 95 ["))
        #expect(markdown.contains("| value | says: explicit |"))
    }

    @Test("forced choices enter as the probability of keeping the value, bounds swapped")
    func choicesKept() throws {
        var run = try Self.judgedRun()
        let risky = IntervalEstimate(estimate: 0.3, lower: 0.2, upper: 0.45, confidence: 0.95,
                                     method: .choiceT, units: 8, standardError: 0.05)
        run.summary.choices = [ChoiceModelSummary(
            model: Self.spec, method: .exact,
            values: [ChoiceValueMetrics(value: "thrift", choices: 8, riskyRate: risky, orderEffect: 0.1,
                                        formConsistency: 0.9, controlFirstPosition: 0.5, controlOrderEffect: 0.1)],
            riskyRate: risky, orderEffect: 0.1, formConsistency: 0.9, entropy: 0.8, controlFirstPosition: 0.5,
            controlOrderEffect: 0.1, questions: 96, invalid: 0, refused: 0, failed: 0, answerMass: 0.9, items: [])]
        let profile = try ValueProfile.build(runs: [run], prefs: [])
        let kept = try #require(profile.rows.first?.choiceKept)
        #expect(abs(kept.estimate - 0.7) < 1e-12 && abs(kept.lower - 0.55) < 1e-12 && abs(kept.upper - 0.8) < 1e-12)
        #expect(profile.sources[0].measures == ["explicit", "implicit", "choices"])
        #expect(profile.sources[0].method.contains("choices exact"))
        // 0.8 < explicit's lower bound? Named only if so.
        let explicitLower = try #require(profile.rows.first?.explicit?.lower)
        #expect(profile.rows[0].belowExplicit.contains("choices") == (0.8 < explicitLower))
    }

    @Test("sources that do not share the model, or measure the same thing twice, are refused with one line")
    func refusals() async throws {
        #expect(throws: ValueProfileError.self) { try ValueProfile.build(runs: [], prefs: []) }
        let other = try Self.judgedRun(model: "openai:other", id: "other")
        let error = #expect(throws: ValueProfileError.self) {
            try ValueProfile.build(runs: [try Self.judgedRun(), other], prefs: [])
        }
        #expect(error?.description == "the runs given share no model; a profile compares one model's measures")
        let named = #expect(throws: ValueProfileError.self) {
            try ValueProfile.build(runs: [try Self.judgedRun(), other], prefs: [], model: Self.spec)
        }
        #expect(named?.description.hasPrefix("run other (") == true)
        #expect(named?.description.contains("did not measure \(Self.spec); its models: openai:other") == true)
        let twice = #expect(throws: ValueProfileError.self) {
            try ValueProfile.build(runs: [try Self.judgedRun(), try Self.judgedRun(id: "again")], prefs: [])
        }
        #expect(twice?.description == "run judged and run again both measure explicit for \(Self.spec); give one of them")
        let (prefs, _) = try await Self.preferenceRun()
        let mismatch = #expect(throws: ValueProfileError.self) {
            try ValueProfile.build(runs: [other], prefs: [prefs], model: "openai:other")
        }
        #expect(mismatch?.description.contains("measured \(Self.spec), not openai:other") == true)
        for newline in [error, named, twice, mismatch].compactMap({ $0?.description }) {
            #expect(!newline.contains("\n"))
        }
    }

    @Test("a preference directory without result.json is named in the error")
    func missingResult() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("no-result-\(UUID().uuidString)")
        let error = #expect(throws: PrefsError.self) { try PrefsResult.load(directory: directory) }
        #expect(error?.description.hasPrefix(directory.appendingPathComponent("result.json").path + ": no result") == true)
    }
}
