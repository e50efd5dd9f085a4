import ArgumentParser
import Foundation
import Reports
import Runs

/// `valueprobe diff RUN_A RUN_B`: paired comparison of two runs over their shared items.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two runs item by item: Δ recognition per value with a paired bootstrap interval and McNemar's test.",
        discussion: """
            RUN_A and RUN_B are run directories or run ids. Items are paired by id; an item counts when both runs \
            have a recognised or missed verdict for it. When each run has one model those two are compared; \
            otherwise name them with --model-a/--model-b (default: the first model the runs share). See docs/reports.md.
            """
    )

    @Argument(help: "Run A (directory or id).") var runA: String
    @Argument(help: "Run B (directory or id).") var runB: String
    @Option(help: "Output format.") var format: DiffFormat = .table
    @Option(help: "Output file (default: standard output).") var out: String?
    @Option(name: .customLong("model-a"), help: "Model of run A to compare.") var modelA: String?
    @Option(name: .customLong("model-b"), help: "Model of run B to compare.") var modelB: String?
    @Option(help: "Bootstrap replicates of the intervals.") var bootstrap: Int = 2000
    @Option(help: "Interval coverage, e.g. 0.95.") var confidence: Double = 0.95
    @Option(help: "Bootstrap seed.") var seed: UInt64 = 0

    func run() throws {
        let options = MetricOptions(bootstrapReplicates: bootstrap, seed: seed, confidence: confidence)
        do { try options.validate() } catch { throw ValidationError(error.description) }
        let comparison = try RunComparison.load(a: try RunLocator.source(runA), b: try RunLocator.source(runB),
                                                modelA: modelA, modelB: modelB, options: options)
        let data: Data
        switch format {
        case .md: data = Data(RunComparisonText.markdown(comparison).utf8)
        case .json: data = try RunComparisonText.json(comparison) + Data("\n".utf8)
        case .html: data = Data(RunComparisonHTML.render(comparison).utf8)
        case .table: data = Data(RunComparisonText.table(comparison).utf8)
        }
        try ReportOutput.write(data, to: out ?? "-")
    }
}
