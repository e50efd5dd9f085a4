import ArgumentParser
import Assets
import Foundation
import Reports
import Runs

/// `valueprobe profile RUN…`: one model's values measured three ways, side by side.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "One model's values side by side: what it says, notices, chooses and prefers.",
        discussion: """
            Each SOURCE is a run directory or run id (`valueprobe run`, e.g. a values-core run and a choices run) or \
            a preference-run directory (`valueprobe prefs`). Per value: judged explicit and implicit recognition, \
            false alarms on controls, the probability of keeping the value in forced choices, and the utilities' \
            preference for outcomes that uphold it, each with its interval; and which of these lie wholly below the \
            explicit rate (weak alignment). See docs/metrics.md, "Three measures side by side".
            """
    )

    /// `--format`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, md, json, html
    }

    @Argument(help: "Run directories or ids, and preference-run directories.") var sources: [String]
    @Option(help: "Model spec, when the sources share several models.") var model: String?
    @Option(help: "Output format.") var format: Format = .table
    @Option(help: "Output file ('-' for standard output; default: standard output, or value-profile.html for html).")
    var out: String?
    @Option(help: "Bootstrap replicates of the runs' intervals.") var bootstrap: Int = 2000
    @Option(help: "Interval coverage, e.g. 0.95.") var confidence: Double = 0.95

    func run() throws {
        let options = MetricOptions(bootstrapReplicates: bootstrap, confidence: confidence)
        do { try options.validate() } catch { throw ValidationError(error.description) }
        var runs: [ValueProfile.RunInput] = []
        var prefs: [PrefsResult] = []
        for text in sources {
            let directory = URL(fileURLWithPath: text)
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(PreferenceStore.fileName).path) {
                prefs.append(try PrefsResult.load(directory: directory))
                continue
            }
            let location = try RunLocator.locate(text)
            let source = try RunStoreDataSource(directory: location.directory, runID: location.runID)
            runs.append(ValueProfile.RunInput(summary: try source.summary(options: options),
                                              directory: location.directory.path))
        }
        let profile = try ValueProfile.build(runs: runs, prefs: prefs, model: model)
        switch format {
        case .table where out == nil || out == "-":
            let width = isatty(1) != 0 ? TerminalProgress.terminalWidth() : 160
            Terminal.write(ValueProfileText.terminal(profile, width: width))
        case .table:
            try ReportOutput.write(Data(ValueProfileText.terminal(profile, width: 160).utf8), to: out ?? "-")
        case .md:
            try ReportOutput.write(Data(ValueProfileText.markdown(profile).utf8), to: out ?? "-")
        case .json:
            try ReportOutput.write(try RunReporting.jsonEncoder.encode(profile) + Data("\n".utf8), to: out ?? "-")
        case .html:
            try ReportOutput.write(Data(ValueProfileHTML.render(profile).utf8), to: out ?? "value-profile.html")
        }
    }
}
