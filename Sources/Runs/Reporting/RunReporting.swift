import Foundation

/// Writes a run's reports and renders its terminal table.
///
/// Files (in the run directory): `summary.json` (``RunSummary``, stable snake_case keys, sorted, pretty-printed),
/// `summary.md` (headline per model; per value explicit/implicit/control/causal rates with intervals and the gap
/// with its interval and McNemar p; per item rates with stability; per mode the judge's validity and corrected
/// rates and the truncated answers), `items.csv`, `values.csv` and `modes.csv` (RFC 4180).
public enum RunReporting {
    /// The names of the files ``write(summary:to:)`` writes, in order.
    public static let fileNames = ["summary.json", "summary.md", "items.csv", "values.csv", "modes.csv"]

    /// The encoder of the reports' JSON: sorted keys, pretty-printed, slashes unescaped.
    public static var jsonEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    /// The summary as JSON: sorted keys, pretty-printed, slashes unescaped.
    public static func json(_ summary: RunSummary) throws -> Data {
        try jsonEncoder.encode(summary)
    }

    /// The Markdown report.
    public static func markdown(_ summary: RunSummary) -> String { SummaryMarkdown.render(summary) }

    /// `items.csv`.
    public static func itemsCSV(_ summary: RunSummary) -> String { SummaryCSV.items(summary) }

    /// `values.csv`.
    public static func valuesCSV(_ summary: RunSummary) -> String { SummaryCSV.values(summary) }

    /// `modes.csv`: per model × mode, raw rate, refused and truncated answers, judge validity, corrected rates.
    public static func modesCSV(_ summary: RunSummary) -> String { SummaryCSV.modes(summary) }

    /// The terminal table: aligned columns, at most 100 characters a line, ASCII only (readable without colour).
    public static func terminalTable(_ summary: RunSummary) -> String { TerminalSummary.render(summary) }

    /// Writes the report files (``fileNames``) into `directory` (created if needed), each atomically; returns their URLs.
    /// - Throws: ``ReportError`` naming the file that could not be written.
    public static func write(summary: RunSummary, to directory: URL) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError(path: directory.path, reason: "\(error.localizedDescription)")
        }
        let json: Data
        do {
            json = try self.json(summary)
        } catch {
            throw ReportError(path: directory.appendingPathComponent("summary.json").path, reason: "\(error)")
        }
        let contents: [(String, Data)] = [
            ("summary.json", json + Data("\n".utf8)),
            ("summary.md", Data(markdown(summary).utf8)),
            ("items.csv", Data(itemsCSV(summary).utf8)),
            ("values.csv", Data(valuesCSV(summary).utf8)),
            ("modes.csv", Data(modesCSV(summary).utf8)),
        ]
        var urls: [URL] = []
        for (name, data) in contents {
            let url = directory.appendingPathComponent(name)
            do {
                try data.write(to: url, options: .atomic)
            } catch {
                throw ReportError(path: url.path, reason: error.localizedDescription)
            }
            urls.append(url)
        }
        return urls
    }

    /// Computes the summary of a stored run, writes its reports into `runDirectory` and renders the terminal table.
    ///
    /// The run store plugs in through ``RunDataSource``; `valueprobe run` calls this when a run ends.
    public static func finish(
        source: some RunDataSource, runDirectory: URL, options: MetricOptions = MetricOptions()
    ) throws -> RunReport {
        let summary = try source.summary(options: options)
        let files = try write(summary: summary, to: runDirectory)
        return RunReport(summary: summary, files: files, table: terminalTable(summary))
    }
}
