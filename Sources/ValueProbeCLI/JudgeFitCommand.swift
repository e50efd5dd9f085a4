import ArgumentParser
import Foundation
import Probes
import Assets
import Runs

/// `valueprobe judge fit`: regenerates the `semantic` judge's head from a calibration file.
struct JudgeFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit the semantic judge's head on a calibration file (models on train, settings chosen on dev; test rows are never read).",
        discussion: """
            Writes the head (JSON; the same bytes from the same file) and prints, per mode, the chosen feature set, \
            L2 penalty and threshold with the train and dev figures. To regenerate the shipped head: \
            valueprobe judge fit calibration/judge-calibration.jsonl --out Sources/Runs/Resources/semantic-judge.json
            """
    )

    @Argument(help: "Calibration file (JSON Lines with split train/dev/test).") var calibration: String
    @Option(help: "Where to write the head.") var out: String = "semantic-judge.json"
    @Option(help: "Seed recorded in the head (the fit itself draws nothing at random).") var seed: UInt64 = 0
    @Option(help: "Exemplar file to use instead of the built-in one (its SHA-256 is recorded in the head).")
    var exemplars: String?
    @Option(name: .customLong("features-out"), help: "Also write the train and dev rows' features as JSON Lines (for analysis).")
    var featuresOut: String?
    @Flag(name: .customLong("report-test"), help: "After writing the head, also print its figures on the test split (for reporting only: nothing is chosen on them).")
    var reportTest = false

    func run() throws {
        let set = try CalibrationSet.load(path: calibration)
        let exemplarSet = try exemplars.map { try SemanticExemplars.load(path: $0) } ?? SemanticExemplars.builtin()
        let encoder = LazySentenceEncoder()
        let trainer = SemanticJudgeTrainer(exemplars: exemplarSet, encode: { try encoder.encode($0) })
        let display = TerminalProgress()
        let examples = try trainer.examples(set) { done, total in
            display.update(ProgressBar(label: "features", completed: Double(done), total: Double(max(total, 1))))
        }
        display.finish()
        if let featuresOut {
            do {
                try Data(SemanticJudgeTrainer.jsonLines(examples).utf8).write(to: URL(fileURLWithPath: featuresOut))
            } catch {
                throw ValidationError("\(featuresOut): cannot write: \(error.localizedDescription)")
            }
        }
        let outcome = try trainer.fit(examples: examples, calibration: set, seed: seed)
        let data = try outcome.head.encoded()
        do {
            try data.write(to: URL(fileURLWithPath: out))
        } catch {
            throw ValidationError("\(out): cannot write: \(error.localizedDescription)")
        }
        Terminal.write(SemanticFitReport.text(head: outcome.head, calibration: calibration,
                                              trainRows: outcome.trainRows, devRows: outcome.devRows, out: out))
        if reportTest {
            let judge = try SemanticJudge(head: outcome.head, exemplars: exemplarSet, encode: { try encoder.encode($0) })
            let rows = try set.filtered(to: .test).resolve()
            let figures = try SemanticJudgeTrainer.evaluate(judge: judge, rows: rows)
            Terminal.write(SemanticFitReport.testText(figures: figures, rows: rows.count))
        }
    }
}
