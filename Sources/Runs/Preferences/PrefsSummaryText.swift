/// The terminal summary of a preference run: the measures, the per-value agreement table and the utilities grouped
/// by value, as plain aligned text.
public enum PrefsSummaryText {
    /// The summary, at most `width` characters wide.
    public static func render(_ result: PrefsResult, width: Int = 120) -> String {
        var lines = PrefsTables.measureLines(result)
        if !result.agreements.isEmpty {
            lines += ["", "agreement with stated values (95 % bootstrap intervals):"]
            lines += TextTable(header: PrefsTables.agreementHeader, rows: PrefsTables.agreementRows(result))
                .render(maximumWidth: width)
        }
        lines += ["", "utilities grouped by value (normalised: mean 0, SD 1):"]
        lines += TextTable(header: PrefsTables.utilityHeader, rows: PrefsTables.utilityRows(result))
            .render(maximumWidth: width)
        if let file = result.reportFile { lines += ["", "report: \(file)"] }
        return lines.joined(separator: "\n")
    }
}
