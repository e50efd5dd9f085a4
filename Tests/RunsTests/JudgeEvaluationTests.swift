import Foundation
import Probes
@testable import Runs
import Statistics
import Testing

private typealias F = MetricFixtures

/// A judge that answers with the category written in the response ("judge says: missed").
private struct ScriptedJudge: Judge {
    let spec: String
    /// When set, the judge agrees with the human label written after "human:" instead.
    var perfect = false

    func judge(sample: PlannedSample, item: ProbeItem, family: ProbeFamily, suite: ProbeSuite,
               response: SampleResponse) async throws -> Verdict {
        let marker = perfect ? "human: " : "judge says: "
        guard let range = response.text.range(of: marker) else { throw JudgeError.noRubric(itemID: item.id) }
        let word = response.text[range.upperBound...].prefix { $0.isLetter }
        let category = VerdictCategory(rawValue: String(word)) ?? .unparseable
        return Verdict(sampleKey: sample.key, judge: spec, category: category, score: perfect ? 100 : 50,
                       rationale: "scripted")
    }
}

@Suite("Measuring judges against hand-labelled responses")
struct JudgeEvaluationTests {
    static let suite = F.suite([F.family("dignity", [F.item("e1", .explicit), F.item("i1", .implicit),
                                                     F.item("c1", .control), F.item("k1", .causal)])])

    /// Explicit: human R R R M M M, judge R R M M M R. Implicit: human R R M M F F, judge R M M M F U.
    /// Control: human R M M M, judge M M M R. Causal: human R R M M, judge R R M M. Then one train row.
    static let fixture: String = {
        let explicit = [("recognised", "recognised"), ("recognised", "recognised"), ("recognised", "missed"),
                        ("missed", "missed"), ("missed", "missed"), ("missed", "recognised")]
        let implicit = [("recognised", "recognised"), ("recognised", "missed"), ("missed", "missed"),
                        ("missed", "missed"), ("refused", "refused"), ("refused", "unparseable")]
        var lines: [String] = []
        for (index, pair) in explicit.enumerated() {
            lines.append(#"{"id":"e\#(index)","suite":"synthetic","item":"e1","mode":"explicit","response":"human: \#(pair.0), judge says: \#(pair.1)","label":"\#(pair.0)","split":"test"}"#)
        }
        for (index, pair) in implicit.enumerated() {
            let finish = index == 0 ? "length" : "stop"
            lines.append(#"{"id":"i\#(index)","suite":"synthetic","item":"i1","response":"human: \#(pair.0), judge says: \#(pair.1)","finish_reason":"\#(finish)","label":"\#(pair.0)","split":"test"}"#)
        }
        let control = [("recognised", "missed"), ("missed", "missed"), ("missed", "missed"), ("missed", "recognised")]
        for (index, pair) in control.enumerated() {
            lines.append(#"{"id":"c\#(index)","suite":"synthetic","item":"c1","mode":"control","response":"human: \#(pair.0), judge says: \#(pair.1)","label":"\#(pair.0)","split":"test"}"#)
        }
        let causal = [("recognised", "recognised"), ("recognised", "recognised"), ("missed", "missed"), ("missed", "missed")]
        for (index, pair) in causal.enumerated() {
            lines.append(#"{"id":"k\#(index)","suite":"synthetic","item":"k1","response":"human: \#(pair.0), judge says: \#(pair.1)","label":"\#(pair.0)","split":"test"}"#)
        }
        lines.append(#"{"id":"t0","suite":"synthetic","item":"e1","response":"human: missed, judge says: missed","label":"missed","split":"train"}"#)
        return lines.joined(separator: "\n") + "\n"
    }()

    static func evaluate(judges: [any Judge], replicates: Int = 500) async throws -> JudgeEvaluation {
        let set = try CalibrationSet.parse(bytes: Array(fixture.utf8), path: "fixture.jsonl").filtered(to: .test)
        let rows = try set.resolve { _ in suite }
        return await JudgeEvaluation.run(rows: rows, lines: set.lines, judges: judges,
                                         source: JudgeEvaluation.source(of: set, split: .test), seed: 3,
                                         replicates: replicates, concurrency: 3)
    }

    @Test("per mode: sensitivity, specificity, balanced accuracy over the classes present, κ over categories")
    func figures() async throws {
        let evaluation = try await Self.evaluate(judges: [ScriptedJudge(spec: "scripted")])
        #expect(evaluation.rows == 20)
        #expect(evaluation.source.hasPrefix("fixture.jsonl, test split (sha256 "))
        let result = try #require(evaluation.judges.first)
        #expect(result.failures == 0)
        let explicit = try #require(result.validity.mode(.explicit))
        #expect(explicit.rows == 6)
        #expect(abs((explicit.sensitivity?.estimate ?? -1) - 2.0 / 3) < 1e-12)
        let wilson = try #require(try wilsonInterval(successes: 2, trials: 3))
        #expect(explicit.sensitivity?.lower == wilson.lower && explicit.sensitivity?.upper == wilson.upper)
        #expect(abs((explicit.specificity?.estimate ?? -1) - 2.0 / 3) < 1e-12)
        #expect(abs((explicit.balancedAccuracy?.estimate ?? -1) - 2.0 / 3) < 1e-12)
        #expect(abs((explicit.kappa?.estimate ?? -1) - 1.0 / 3) < 1e-12)  // p_o 4/6, p_e 1/2
        let implicit = try #require(result.validity.mode(.implicit))
        // Recalls: recognised 1/2, missed 2/2, refused 1/2 → BA 2/3; Se 1/2, Sp 1.
        #expect(abs((implicit.balancedAccuracy?.estimate ?? -1) - 2.0 / 3) < 1e-12)
        #expect(abs((implicit.sensitivity?.estimate ?? -1) - 0.5) < 1e-12)
        #expect(implicit.specificity?.estimate == 1)
        // κ: p_o 4/6, p_e (2·1 + 2·3 + 2·1)/36 = 10/36 → 7/13.
        #expect(abs((implicit.kappa?.estimate ?? -1) - 7.0 / 13) < 1e-12)
        #expect(implicit.confusion.count(human: .refused, judge: .unparseable) == 1)
        #expect(implicit.confusion.total(human: .refused) == 2)
        // Control (recognised = a false alarm): Se 0/1, Sp 2/3, BA 1/3; κ: p_o 2/4, p_e (1·1 + 3·3)/16 → −1/3.
        let control = try #require(result.validity.mode(.control))
        #expect(control.sensitivity?.estimate == 0)
        #expect(abs((control.specificity?.estimate ?? -1) - 2.0 / 3) < 1e-12)
        #expect(abs((control.balancedAccuracy?.estimate ?? -1) - 1.0 / 3) < 1e-12)
        #expect(abs((control.kappa?.estimate ?? -1) - (-1.0 / 3)) < 1e-12)
        // Causal: every row right.
        let causal = try #require(result.validity.mode(.causal))
        #expect(causal.balancedAccuracy?.estimate == 1 && causal.kappa?.estimate == 1)
        #expect(causal.balancedAccuracy?.lower == 1 && causal.balancedAccuracy?.upper == 1)
        // All modes: recalls recognised 5/8, missed 8/10, refused 1/2.
        #expect(abs((result.allModes.balancedAccuracy?.estimate ?? -1) - (0.625 + 0.8 + 0.5) / 3) < 1e-12)
        #expect(result.allModes.rows == 20)
        for estimate in [explicit.balancedAccuracy, explicit.kappa, implicit.balancedAccuracy, implicit.kappa] {
            let e = try #require(estimate)
            #expect(e.method == .rowBootstrap && e.replicates ?? 0 > 0 && e.lower <= e.estimate && e.estimate <= e.upper)
        }
        // Every row's verdict, in file order, with its line and truncation.
        #expect(result.verdicts.map(\.id) == ["e0", "e1", "e2", "e3", "e4", "e5", "i0", "i1", "i2", "i3", "i4", "i5",
                                              "c0", "c1", "c2", "c3", "k0", "k1", "k2", "k3"])
        #expect(result.verdicts.map(\.line) == Array(1...20))
        #expect(result.verdicts[6].truncated && !result.verdicts[7].truncated)
        #expect(evaluation.agreement == nil)
    }

    @Test("the same seed gives the same figures; ModeValidity.measure is the one computation")
    func reproducible() async throws {
        let a = try await Self.evaluate(judges: [ScriptedJudge(spec: "scripted")])
        let b = try await Self.evaluate(judges: [ScriptedJudge(spec: "scripted")])
        #expect(a.judges.first?.validity == b.judges.first?.validity)
        let verdicts = try #require(a.judges.first?.verdicts)
        let direct = ModeValidity.measure(mode: .explicit,
                                          pairs: verdicts.filter { $0.mode == .explicit }.map { ($0.label, $0.category) },
                                          seed: StatisticSeed.seed(base: 3, label: "judge|scripted"), replicates: 500)
        #expect(a.judges.first?.validity.mode(.explicit) == direct)
    }

    @Test("several judges: pairwise κ and Krippendorff's α with a bootstrap interval")
    func agreement() async throws {
        let evaluation = try await Self.evaluate(judges: [ScriptedJudge(spec: "scripted"),
                                                          ScriptedJudge(spec: "perfect", perfect: true)])
        let perfect = try #require(evaluation.judges.last)
        #expect(perfect.validity.modes.allSatisfy { $0.balancedAccuracy?.estimate == 1 && $0.kappa?.estimate == 1 })
        let agreement = try #require(evaluation.agreement)
        #expect(agreement.judges == ["scripted", "perfect"] && agreement.units == 20)
        // The perfect judge is the human labels: κ(scripted, humans) over all 20 rows: p_o 14/20, marginals
        // humans R 8, M 10, F 2 and scripted R 7, M 11, F 1, U 1 → p_e 168/400; κ = 0.28/0.58 = 14/29.
        #expect(abs((agreement.pairs.first?.kappa ?? -1) - 14.0 / 29) < 1e-12)
        let alpha = try #require(agreement.alpha)
        let humans = perfect.verdicts.map(\.category.rawValue)
        let scripted = try #require(evaluation.judges.first).verdicts.map(\.category.rawValue)
        let expected = try #require(try krippendorffAlpha(labels: [scripted.map(Optional.some), humans.map(Optional.some)]))
        #expect(abs(alpha.estimate - expected) < 1e-12)
        #expect(alpha.lower <= alpha.estimate && alpha.estimate <= alpha.upper && alpha.method == .rowBootstrap)
        let text = JudgeEvaluationText.render(evaluation)
        #expect(text.contains("== judge scripted =="))
        #expect(text.contains("all modes"))
        #expect(text.contains("Krippendorff's alpha"))
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test("a judge that throws gets an error verdict for the row, counted against it")
    func failures() async throws {
        let set = CalibrationSet(path: "x.jsonl", rows: [
            CalibrationRow(id: "a", suite: "synthetic", item: "e1", response: "no marker", label: .recognised),
            CalibrationRow(id: "b", suite: "synthetic", item: "e1", response: "judge says: missed", label: .missed),
        ])
        let evaluation = await JudgeEvaluation.run(rows: try set.resolve { _ in Self.suite },
                                                   judges: [ScriptedJudge(spec: "s")], source: "x", replicates: 50)
        let result = try #require(evaluation.judges.first)
        #expect(result.failures == 1)
        #expect(result.verdicts[0].category == .error && result.verdicts[0].rationale.hasPrefix("judge failed:"))
        #expect(result.validity.mode(.explicit)?.sensitivity?.estimate == 0)
    }

    @Test("a calibration file on disk: its sha256 and split name the figures' source")
    func fromFile() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vp-cal-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Self.fixture.utf8).write(to: url)
        let set = try CalibrationSet.load(path: url.path)
        #expect(set.rows.count == 21)
        let test = set.filtered(to: .test)
        #expect(test.rows.count == 20 && test.lines == Array(1...20))
        let source = JudgeEvaluation.source(of: test, split: .test)
        #expect(source == "\(url.path), test split (sha256 \(set.sha256))")
        #expect(set.sha256.count == 64 && set.sha256.allSatisfy(\.isHexDigit))
        let train = set.filtered(to: .train)
        #expect(train.lines == [21])
        // One changed label changes the hash, so figures cannot be mistaken for another version's.
        try Data(Self.fixture.replacingOccurrences(of: "\"label\":\"missed\",\"split\":\"train\"",
                                                   with: "\"label\":\"recognised\",\"split\":\"train\"").utf8).write(to: url)
        let changed = try CalibrationSet.load(path: url.path)
        #expect(changed.rows.last?.label == .recognised && changed.sha256 != set.sha256)
    }

    @Test("malformed or unfitting rows are one-line errors naming the file and line")
    func malformed() throws {
        let text = Self.fixture + #"{"id":"z","suite":"synthetic","item":"nope","response":"r","label":"missed"}"# + "\n"
        let set = try CalibrationSet.parse(bytes: Array(text.utf8), path: "fixture.jsonl")
        #expect(throws: CalibrationError(path: "fixture.jsonl", line: 22, reason: "suite 'synthetic' has no item 'nope'")) {
            try set.resolve { _ in Self.suite }
        }
        let mode = #"{"id":"m","suite":"synthetic","item":"e1","mode":"implicit","response":"r","label":"missed"}"#
        let wrong = try CalibrationSet.parse(bytes: Array(mode.utf8), path: "m.jsonl")
        do {
            _ = try wrong.resolve { _ in Self.suite }
            Issue.record("a row with the wrong mode was accepted")
        } catch {
            #expect(error.description == "m.jsonl:1: item 'e1' is explicit, the row says implicit")
        }
        let missing = #"{"id":"q","suite":"synthetic","item":"e1","label":"missed"}"#
        do {
            _ = try CalibrationSet.parse(bytes: Array(missing.utf8), path: "q.jsonl")
            Issue.record("a row without a response was accepted")
        } catch {
            #expect(error.description == "q.jsonl:1: missing field 'response'")
        }
    }

    @Test("one response judged on its own: the verdict, its truncation, and an unknown item in words")
    func single() async throws {
        let result = try await ResponseJudgement.judge(text: "judge says: recognised", finishReason: "length",
                                                       suite: Self.suite, itemID: "e1", judge: ScriptedJudge(spec: "s"))
        #expect(result == ResponseJudgement(category: .recognised, score: 50, rationale: "scripted", truncated: true))
        let json = String(decoding: try JSONEncoder().encode(result), as: UTF8.self)
        for key in ["\"category\"", "\"score\"", "\"rationale\"", "\"truncated\""] { #expect(json.contains(key)) }
        await #expect(throws: ResponseJudgement.Failure("suite 'synthetic' has no item 'zz'")) {
            try await ResponseJudgement.judge(text: "x", suite: Self.suite, itemID: "zz", judge: ScriptedJudge(spec: "s"))
        }
        await #expect(throws: ResponseJudgement.Failure.self) {
            try await ResponseJudgement.judge(text: "x", suite: Self.suite, itemID: "e1", variant: 3,
                                              judge: ScriptedJudge(spec: "s"))
        }
    }
}
