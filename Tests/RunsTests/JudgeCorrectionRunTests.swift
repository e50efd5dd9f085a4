import Foundation
import Probes
@testable import Runs
import Statistics
import Testing

private typealias F = MetricFixtures

@Suite("Per-mode judge correction and truncation in the run summary")
struct JudgeCorrectionRunTests {
    static let explicitItems = (1...4).map { F.item("e\($0)", .explicit) }
    static let implicitItems = (1...2).map { F.item("i\($0)", .implicit) }
    static let controlItems = [F.item("c1", .control)]
    static let suite = F.suite([F.family("dignity", explicitItems + implicitItems + controlItems)])

    /// Explicit judge calls: 8, 6, 4 and 6 of 10 recognised (p̂ = 24/40 = 0.6); implicit 5 of 10 twice; control
    /// 3 of 10.
    static func samples() -> [JudgedSample] {
        let explicit = zip(explicitItems, [8, 6, 4, 6]).flatMap { item, r in
            F.samples(item, value: "dignity", variants: [F.labels(r, of: 10)])
        }
        let implicit = implicitItems.flatMap { F.samples($0, value: "dignity", variants: [F.labels(5, of: 10)]) }
        var control = F.samples(controlItems[0], value: "dignity", variants: [F.labels(3, of: 10)])
        // Two control answers and one explicit answer were cut off at the token limit.
        control[0].response?.finishReason = "length"
        control[5].response?.finishReason = "length"
        var all = explicit + implicit + control
        all[0].response?.finishReason = "length"
        return all
    }

    /// Human labels on the 20 samples of e1 and e2: against the judge TP 9, FN 1, FP 5, TN 5 (Se 0.9, Sp 0.5).
    static func labels(_ samples: [JudgedSample]) -> [HumanLabel] {
        // e1: judge R×8 (human R×8), M×2 (human M×2); e2: judge R×6 (human R×1, M×5), M×4 (human R×1, M×3).
        let human: [Bool] = Array(repeating: true, count: 8) + [false, false]
            + [true] + Array(repeating: false, count: 5) + [true, false, false, false]
        return zip(samples.prefix(20), human).map { HumanLabel(sampleKey: $0.sample.key, recognised: $1, annotator: "a") }
    }

    /// Calibration figures: implicit TP 18, FN 2, TN 16, FP 4 (Se 0.9, Sp 0.8); control Se 0.5, Sp 0.4.
    static let calibration: JudgeValidity = {
        func pairs(tp: Int, fn: Int, tn: Int, fp: Int) -> [(HumanVerdict, VerdictCategory)] {
            Array(repeating: (.recognised, .recognised), count: tp) + Array(repeating: (.recognised, .missed), count: fn)
                + Array(repeating: (.missed, .missed), count: tn) + Array(repeating: (.missed, .recognised), count: fp)
        }
        return JudgeValidity(judge: "rubric", source: "fixture calibration", modes: [
            ModeValidity.measure(mode: .implicit, pairs: pairs(tp: 18, fn: 2, tn: 16, fp: 4), seed: 1, replicates: 200),
            ModeValidity.measure(mode: .control, pairs: pairs(tp: 5, fn: 5, tn: 4, fp: 6), seed: 1, replicates: 200),
        ])
    }()

    static func summary() throws -> RunSummary {
        let samples = samples()
        return try RunMetrics.compute(samples: samples, suite: suite, labels: labels(samples), options: F.fast,
                                      judgeValidity: calibration)
    }

    @Test("run labels stand in for calibration figures in their mode: Rogan–Gladen (0.6 + 0.5 − 1)/0.4 = 0.25")
    func fromRunLabels() throws {
        let model = try #require(try Self.summary().models.first)
        let explicit = try #require(model.judgeCorrection.first { $0.mode == .explicit })
        #expect(explicit.judged == 40 && explicit.recognised == 24)
        #expect(abs((explicit.rawRate ?? -1) - 0.6) < 1e-12)
        #expect(explicit.validitySource == .runLabels)
        #expect(explicit.validityDescription?.contains("human labels imported") == true)
        #expect(explicit.validity?.rows == 20)
        #expect(abs((explicit.sensitivityUsed ?? -1) - 0.9) < 1e-12 && abs((explicit.specificityUsed ?? -1) - 0.5) < 1e-12)
        let corrected = try #require(explicit.corrected)
        #expect(abs(corrected.estimate - 0.25) < 1e-12)
        #expect(corrected.method == .roganGladenBootstrap && corrected.units == 4)
        #expect(corrected.lower <= 0.25 && 0.25 <= corrected.upper && corrected.lower < corrected.upper)
        #expect(explicit.undefinedReason == nil)
        // The point estimates also reach the headline and the value's explicit rate (mean of item rates = 0.6).
        #expect(abs((model.headline.corrected?.explicit ?? -1) - 0.25) < 1e-12)
        #expect(abs((model.values.first?.explicit?.correctedRate ?? -1) - 0.25) < 1e-12)
    }

    @Test("labels on the model's own samples give PPI++ over them and the model's other judged samples")
    func predictionPowered() throws {
        let samples = Self.samples()
        let model = try #require(try Self.summary().models.first)
        let explicit = try #require(model.judgeCorrection.first { $0.mode == .explicit })
        #expect(explicit.labelledSamples == 20)
        let human: [Double] = Self.labels(samples).map { $0.recognised == true ? 1 : 0 }
        let judge: [Double] = samples.prefix(20).map { $0.verdict?.category == .recognised ? 1 : 0 }
        let others: [Double] = samples[20..<40].map { $0.verdict?.category == .recognised ? 1 : 0 }
        let expected = try #require(try predictionPoweredMean(labels: human, predictions: judge,
                                                               unlabelledPredictions: others))
        let ppi = try #require(explicit.predictionPowered)
        #expect(abs(ppi.estimate - expected.estimate) < 1e-12)
        #expect(abs(ppi.lower - max(0, expected.interval.lower)) < 1e-12)
        #expect(abs(ppi.upper - min(1, expected.interval.upper)) < 1e-12)
        #expect(ppi.method == .predictionPowered)
        #expect(explicit.predictionPoweredLambda == expected.lambda)
        // No labels on implicit samples: no PPI there.
        #expect(model.judgeCorrection.first { $0.mode == .implicit }?.predictionPowered == nil)
    }

    @Test("without enough run labels the calibration figures correct the mode; Se + Sp ≤ 1 is undefined, in words")
    func fromCalibration() throws {
        let model = try #require(try Self.summary().models.first)
        let implicit = try #require(model.judgeCorrection.first { $0.mode == .implicit })
        #expect(implicit.validitySource == .calibration && implicit.validityDescription == "fixture calibration")
        #expect(abs((implicit.corrected?.estimate ?? -1) - 0.3 / 0.7) < 1e-12)
        let control = try #require(model.judgeCorrection.first { $0.mode == .control })
        #expect(control.corrected == nil)
        #expect(control.undefinedReason?.contains("<= 1") == true)
        #expect(model.headline.corrected?.falseAlarm == nil)
        // A judge without any figures: undefined, with the reason.
        let bare = try RunMetrics.compute(samples: Self.samples(), suite: Self.suite, options: F.fast,
                                          judgeValidity: JudgeValidity(judge: "x", source: "none", modes: []))
        let reasons = bare.models.first?.judgeCorrection.compactMap(\.undefinedReason) ?? []
        #expect(reasons.count == 3 && reasons.allSatisfy { $0.contains("no validity figures") })
    }

    @Test("truncated answers are counted per model × mode and overall, and shown in every report")
    func truncation() throws {
        let summary = try Self.summary()
        let model = try #require(summary.models.first)
        #expect(model.truncation.answered == 70 && model.truncation.truncated == 3)
        #expect(model.truncation.mode(.control)?.truncated == 2 && model.truncation.mode(.explicit)?.truncated == 1)
        #expect(model.truncation.mode(.implicit)?.truncated == 0)
        #expect(summary.truncation.truncated == 3)
        #expect(model.judgeCorrection.first { $0.mode == .control }?.truncated == 2)
        #expect(RunReporting.terminalTable(summary).contains("truncated at the token limit: 3 of 70 answers"))
        #expect(RunReporting.markdown(summary).contains("truncated at the token limit: 3 of 70 answers"))
        let modes = try CSVReader.records(RunReporting.modesCSV(summary)).map { $0.map(\.text) }
        let header = try #require(modes.first)
        let column = try #require(header.firstIndex(of: "truncated"))
        let control = try #require(modes.first { $0.count > 1 && $0[1] == "control" })
        #expect(control[column] == "2")
        // Round trip through JSON keeps everything.
        let decoded = try JSONDecoder().decode(RunSummary.self, from: try RunReporting.json(summary))
        #expect(decoded == summary)
    }

    @Test("the terminal table and summary.md show validity and corrected rates per mode, and say when undefined")
    func reports() throws {
        let summary = try Self.summary()
        let table = RunReporting.terminalTable(summary)
        #expect(table.contains("judge BA"))
        #expect(table.contains("undefined"))
        #expect(table.contains("control: corrected rate undefined"))
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 100 && $0.unicodeScalars.allSatisfy { $0.isASCII } })
        let markdown = RunReporting.markdown(summary)
        #expect(markdown.contains("### Judge validity and corrected rates per mode"))
        #expect(markdown.contains("| explicit | 60 |"))
        let imported = LabelImportReport.text(summary)
        #expect(imported.contains("explicit: n 20"))
        #expect(imported.contains("corrected rates for m"))
    }
}
