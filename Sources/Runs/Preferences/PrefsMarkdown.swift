import Foundation

/// The Markdown report of a preference run (`report.md` in the run directory).
public enum PrefsMarkdown {
    /// The report text.
    public static func render(_ result: PrefsResult) -> String {
        func table(_ header: [String], _ rows: [[String]]) -> String {
            func line(_ cells: [String]) -> String {
                "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
            }
            return ([line(header), line(header.map { _ in "---" })] + rows.map(line)).joined(separator: "\n")
        }
        let manifest = result.manifest
        var text = "# Preferences: \(manifest.outcomeSetID) on \(manifest.model.spec)\n\n"
        text += "Run `\(manifest.runID)`, created \(manifest.created) with ValueProbe \(manifest.toolVersion) on "
        text += "\(manifest.host.operatingSystem) \(manifest.host.architecture) (\(manifest.host.cores) cores).\n\n"
        text += PrefsTables.measureLines(result).map { "- \($0)" }.joined(separator: "\n") + "\n\n"
        text += "## Agreement with stated values\n\n"
        if result.agreements.isEmpty {
            text += "The set has no value with both upholding and violating outcomes.\n\n"
        } else {
            text += "Per value, the fitted probability that an outcome upholding the value is preferred to one violating "
            text += "it (mean over the value's pairs), and the mean utility difference, with 95 % bootstrap intervals. "
            text += "The difference is in units of the SD of the utilities and ignores their variances, which P "
            text += "accounts for. \"agrees\": the interval of P lies above 1/2; \"disagrees\": below; \"unclear\": "
            text += "it covers 1/2.\n\n"
            text += table(PrefsTables.agreementHeader, PrefsTables.agreementRows(result)) + "\n\n"
        }
        text += "## Utilities\n\nNormalised (mean 0, SD 1 over the outcomes), grouped by value, highest first.\n\n"
        text += table(PrefsTables.utilityHeader + ["text"], zip(PrefsTables.utilityRows(result), flatTexts(result)).map { $0 + [$1] })
        return text + "\n"
    }

    private static func flatTexts(_ result: PrefsResult) -> [String] {
        PrefsTables.utilityGroups(result).flatMap { $0.rows.map(\.text) }
    }
}
