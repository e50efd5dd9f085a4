import Foundation
import Runs

/// Renders a run report in any ``RunReportFormat``.
public enum RunReportRenderer {
    /// The report of `input` as `format`.
    /// - Parameter table: the table for CSV (ignored otherwise).
    /// - Throws: ``ReportError`` when JSON encoding fails.
    public static func render(_ input: RunReportInput, format: RunReportFormat, table: RunReportCSVTable = .items) throws -> Data {
        switch format {
        case .html:
            return Data(RunReportHTML.render(input).utf8)
        case .md:
            return Data(markdown(input).utf8)
        case .csv:
            switch table {
            case .items: return Data(RunReporting.itemsCSV(input.summary).utf8)
            case .values: return Data(RunReporting.valuesCSV(input.summary).utf8)
            case .samples: return Data(LabelExport.csv(samples: input.samples, suite: input.suite).utf8)
            }
        case .json:
            return try json(input)
        }
    }

    /// The summary Markdown (as `summary.md`) followed by the run manifest.
    public static func markdown(_ input: RunReportInput) -> String {
        let manifest = input.manifest
        let configuration = manifest.configuration
        func code(_ text: String) -> String { "`" + text.replacingOccurrences(of: "`", with: "'") + "`" }
        var lines = [RunReporting.markdown(input.summary).trimmingCharacters(in: .newlines), "", "## Run manifest", ""]
        lines += [
            "- Run id: \(code(manifest.runID)); created \(manifest.created); ValueProbe \(manifest.toolVersion)",
            "- Suite: \(code(manifest.suite.id)) version \(manifest.suite.version), SHA-256 \(code(manifest.suite.hash)), from \(code(manifest.suite.locator))",
            "- Sampling: \(configuration.effectiveSamples) samples per prompt, temperature \(ReportText.number(configuration.effectiveTemperature)), "
                + "top-p \(configuration.topP.map { ReportText.number($0) } ?? "backend default"), at most \(configuration.effectiveMaxTokens) tokens, "
                + "paraphrases \(configuration.includeParaphrases ? "sampled" : "not sampled")",
            "- Seeds: run seed \(configuration.seed); per sample \(manifest.seedDerivation)",
            "- Host: \(manifest.host.operatingSystem) \(manifest.host.architecture), \(manifest.host.cores) cores",
            "",
            "| model | provider | name | file | size (bytes) | SHA-256 |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for model in manifest.models {
            let cells = [code(model.spec), model.provider, model.name, model.file ?? "", model.size.map(String.init) ?? "", model.sha256.map(code) ?? ""]
            lines.append("| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"manifest": …, "summary": …}` with sorted keys, pretty-printed.
    public static func json(_ input: RunReportInput) throws -> Data {
        struct Document: Encodable {
            var manifest: RunManifest
            var summary: RunSummary
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return try encoder.encode(Document(manifest: input.manifest, summary: input.summary)) + Data("\n".utf8)
        } catch {
            throw ReportError(path: "report.json", reason: "cannot encode the report: \(error)")
        }
    }
}
