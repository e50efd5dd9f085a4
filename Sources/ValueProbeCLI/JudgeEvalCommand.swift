import ArgumentParser
import Foundation
import Runs

/// `valueprobe judge eval FILE.jsonl [--judge J]... [--split train|dev|test|all] [--json] [--write-validity FILE]`.
struct JudgeEvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure judges against hand-labelled responses (a calibration JSONL file).",
        discussion: """
            Prints, per judge and per mode, n, sensitivity, specificity, balanced accuracy and Cohen's kappa with \
            95% intervals, and the confusion table; with several judges, their agreement. Report figures of the \
            test split only: nothing may be tuned on it. --write-validity writes the figures as the JSON array \
            that Sources/Runs/Resources/judge-validity.json holds.
            """
    )

    @Argument(help: "Calibration file (JSON Lines: suite, item, response, label, …).") var file: String
    @Option(name: .customLong("judge"), help: "Judge spec; repeat to compare (default: the default judge and rubric).")
    var judges: [String] = []
    @Option(help: "Rows to evaluate: train, dev, test or all.") var split: SplitChoice = .all
    @Flag(help: "Print the evaluation as JSON, with every row's verdict.") var json = false
    @Option(name: .customLong("write-validity"), help: "Write the judges' figures (JSON array of JudgeValidity) to this file.")
    var writeValidity: String?
    @Option(help: "Seed of the bootstrap intervals.") var seed: UInt64 = 0
    @Option(help: "Bootstrap replicates.") var replicates = 2000
    @Option(help: "Rows judged at once per judge.") var concurrency = RunConfiguration.defaultConcurrency

    func validate() throws {
        guard replicates >= 1 else { throw ValidationError("--replicates must be at least 1, got \(replicates)") }
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1, got \(concurrency)") }
    }

    func run() async throws {
        let chosenSplit = split == .all ? nil : CalibrationSplit(rawValue: split.rawValue)
        let set = try CalibrationSet.load(path: file).filtered(to: chosenSplit)
        guard !set.rows.isEmpty else {
            throw ValidationError("\(file): no rows\(chosenSplit.map { " in the \($0.rawValue) split" } ?? "")")
        }
        let rows = try set.resolve()
        RunModels.installEmbeddedEngine(progress: { Terminal.assetProgress($0) })
        var specs: [String] = []
        for spec in judges.isEmpty ? JudgeEvaluation.defaultJudges : judges where !specs.contains(spec) { specs.append(spec) }
        let instances = try specs.map { try JudgeFactory.make(spec: $0) }
        let evaluation = await JudgeEvaluation.run(
            rows: rows, lines: set.lines, judges: instances, source: JudgeEvaluation.source(of: set, split: chosenSplit),
            seed: seed, replicates: replicates, concurrency: concurrency)
        if let writeValidity {
            let data = try Terminal.jsonData(evaluation.judges.map(\.validity), pretty: true)
            do {
                try (data + Data("\n".utf8)).write(to: URL(fileURLWithPath: writeValidity), options: .atomic)
            } catch {
                throw ValidationError("\(writeValidity): cannot write: \(error.localizedDescription)")
            }
        }
        if json {
            try Terminal.printJSON(evaluation)
        } else {
            Terminal.write(JudgeEvaluationText.render(evaluation))
        }
    }
}
