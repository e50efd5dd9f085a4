import ArgumentParser
import Foundation
import Reports
import Runs

/// `valueprobe report RUN`: a run's report as one self-contained HTML file, Markdown, CSV or JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a run's report: a self-contained HTML page with charts and transcripts, or Markdown, CSV or JSON.",
        discussion: """
            RUN is a run directory or a run id (looked up in ./runs, where `valueprobe run` puts runs). The HTML page \
            needs no network: styles, SVG charts and the small filtering script are inline. By default HTML goes to \
            RUN_DIR/report.html and the other formats to standard output. See docs/reports.md.
            """
    )

    @Argument(help: "Run directory or run id.") var target: String
    @Option(help: "Report format.") var format: RunReportFormat = .html
    @Option(help: "Output file ('-' for standard output).") var out: String?
    @Option(name: .customLong("run"), help: "Run id, when the directory holds several runs (default: the latest).")
    var runID: String?
    @Option(help: "CSV table.") var table: RunReportCSVTable = .items
    @Option(help: "Bootstrap replicates of the intervals.") var bootstrap: Int = 2000
    @Option(help: "Interval coverage, e.g. 0.95.") var confidence: Double = 0.95

    func run() throws {
        let kind = format, csvTable = table
        let options = MetricOptions(bootstrapReplicates: bootstrap, confidence: confidence)
        do { try options.validate() } catch { throw ValidationError(error.description) }
        let location = try RunLocator.locate(target, runID: runID)
        let source = try RunStoreDataSource(directory: location.directory, runID: location.runID)
        let input = try RunReportInput.load(source: source, options: options)
        let data = try RunReportRenderer.render(input, format: kind, table: csvTable)
        let destination = out ?? (kind == .html ? location.directory.appendingPathComponent("report.html").path : "-")
        try ReportOutput.write(data, to: destination)
    }
}

/// Writing a rendered report to a file or standard output.
enum ReportOutput {
    /// Writes `data` to `path` atomically ('-' = standard output) and names the file on standard error.
    static func write(_ data: Data, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: path)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw ValidationError("\(url.path): cannot write: \(error.localizedDescription)")
        }
        Terminal.error("wrote \(url.path)")
    }
}
