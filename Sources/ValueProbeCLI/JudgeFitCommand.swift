import ArgumentParser
import Foundation
import Probes
import Assets
import Runs

/// `valueprobe judge fit`: regenerates the `semantic` judge's head from one or more calibration files.
struct JudgeFitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit the semantic judge's head on calibration files (every row; settings chosen by cross-validation grouped by item).",
        discussion: """
            Every row of every file is used, whatever its split: the feature set, L2 penalty and threshold of each \
            mode are chosen by a 5-fold cross-validation grouped by item (three salts), then each mode's model is \
            fitted on all of its rows. Writes the head (JSON; the same bytes from the same files, named the same way) \
            and prints, per mode, the chosen settings with their cross-validated figures. To regenerate the shipped \
            head, from the repository root: valueprobe judge fit calibration/judge-calibration.jsonl \
            calibration/judge-calibration-fresh.jsonl calibration/extra/judge-train-extra.jsonl \
            calibration/v2/judge-calibration-v2.jsonl --out Sources/Runs/Resources/semantic-judge.json
            """
    )

    @Argument(help: "Calibration files (JSON Lines); every row of each is used.") var calibration: [String]
    @Option(help: "Where to write the head.") var out: String = "semantic-judge.json"
    @Option(help: "Seed recorded in the head (the fit itself draws nothing at random).") var seed: UInt64 = 0
    @Option(help: "Exemplar file to use instead of the built-in one (its SHA-256 is recorded in the head).")
    var exemplars: String?
    @Option(name: .customLong("features-out"), help: "Also write every row's features as JSON Lines (for analysis).")
    var featuresOut: String?

    func validate() throws {
        guard !calibration.isEmpty else { throw ValidationError("name at least one calibration file") }
    }

    func run() throws {
        let sets = try calibration.map { try CalibrationSet.load(path: $0) }
        let exemplarSet = try exemplars.map { try SemanticExemplars.load(path: $0) } ?? SemanticExemplars.builtin()
        let encoder = LazySentenceEncoder()
        let trainer = SemanticJudgeTrainer(exemplars: exemplarSet, encode: { try encoder.encode($0) })
        let display = TerminalProgress()
        let examples = try trainer.examples(sets) { done, total in
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
        let outcome = try trainer.fit(examples: examples, calibrations: sets, paths: calibration, seed: seed)
        let data = try outcome.head.encoded()
        do {
            try data.write(to: URL(fileURLWithPath: out))
        } catch {
            throw ValidationError("\(out): cannot write: \(error.localizedDescription)")
        }
        Terminal.write(SemanticFitReport.text(head: outcome.head, rows: outcome.rows, out: out))
    }
}
