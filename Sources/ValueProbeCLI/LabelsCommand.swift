import ArgumentParser
import Foundation
import Probes
import Runs

/// `valueprobe labels export RUN_DIR [--out FILE]` and `valueprobe labels import RUN_DIR FILE`: the human-labelling
/// round trip that measures how far the judge can be trusted (Cohen's κ, sensitivity, specificity, corrected rates).
struct LabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labels",
        abstract: "Export a run's responses for human labelling, and import the filled-in labels.",
        subcommands: [Export.self, Import.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a CSV of the run's responses with an empty human_label column to fill in.",
            discussion: "In human_label write yes/no (also 1/0, true/false, recognised/missed; 'unsure' or blank to skip). "
                + "For control items, yes means the response raised a value concern. The CSV is blind: it shows "
                + "nothing of the judge's verdict (--show-judge adds judge_category and judge_rationale)."
        )
        @Argument(help: "The run directory.") var runDirectory: String
        @Option(help: "Where to write the CSV (default: RUN_DIR/labels.csv; '-' for standard output).") var out: String?
        @Option(name: .customLong("run"), help: "Run id, when the directory holds several runs (default: the latest).")
        var runID: String?
        @Flag(name: .customLong("show-judge"), help: "Add the judge's category and rationale (the labels are then no longer blind).")
        var showJudge = false

        func run() throws {
            let directory = URL(fileURLWithPath: runDirectory)
            let source = try RunStoreDataSource(directory: directory, runID: runID)
            let csv = LabelExport.csv(samples: try source.samples(), suite: try source.suite(), showJudge: showJudge)
            if out == "-" {
                Terminal.write(csv)
                return
            }
            let target = out.map { URL(fileURLWithPath: $0) } ?? directory.appendingPathComponent("labels.csv")
            do {
                try Data(csv.utf8).write(to: target, options: .atomic)
            } catch {
                throw ValidationError("\(target.path): cannot write: \(error.localizedDescription)")
            }
            print(target.path)
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a filled-in labels CSV into the run and refresh its reports (judge agreement, corrected rates)."
        )
        @Argument(help: "The run directory.") var runDirectory: String
        @Argument(help: "The filled-in labels CSV.") var file: String
        @Option(name: .customLong("run"), help: "Run id, when the directory holds several runs (default: the latest).")
        var runID: String?

        func run() throws {
            let directory = URL(fileURLWithPath: runDirectory)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("\(file): cannot read the file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("\(file): not UTF-8 text")
            }
            let labels = try LabelImport.parse(csv: text, file: file)
            let source = try RunStoreDataSource(directory: directory, runID: runID)
            let known = Set(try source.samples().map(\.sample.key))
            if let stray = labels.first(where: { !known.contains($0.sampleKey) }) {
                throw ValidationError("\(file): sample_key '\(stray.sampleKey)' is not a sample of run \(source.runID)")
            }
            let saved = try source.store.saveLabels(labels)
            let report = try RunReporting.finish(source: source, runDirectory: directory)
            print("imported \(saved) label\(saved == 1 ? "" : "s") into run \(source.runID)")
            if let agreement = report.summary.judgeAgreement {
                print("judge vs humans: n=\(agreement.n), kappa \(agreement.kappa.map { String(format: "%.2f", $0) } ?? "n/a")")
            }
            print(LabelImportReport.text(report.summary), terminator: "")
        }
    }
}
