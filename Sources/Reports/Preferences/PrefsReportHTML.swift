import Foundation
import Runs

/// The self-contained HTML page of a preference run (`report.html` in the run directory): the measures, the
/// per-value agreement table and a chart of the utilities with their bootstrap intervals, one band per value
/// (upholding outcomes marked ↑, violating ones ↓) and one for the neutral anchors, all on the same axis.
public enum PrefsReportHTML {
    /// The page.
    public static func render(_ result: PrefsResult) -> String {
        let manifest = result.manifest
        var b = HTMLBuilder()
        b.element("h1", text: "Preferences: \(manifest.outcomeSetID) on \(manifest.model.spec)")
        b.element("p", text: "Run \(manifest.runID), created \(manifest.created) with ValueProbe \(manifest.toolVersion).")
        b.element("ul") { list in
            for line in PrefsTables.measureLines(result) { list.element("li", text: line) }
        }
        if !result.agreements.isEmpty {
            b.element("h2", text: "Agreement with stated values")
            b.element("p", text: "Fitted P(an upholding outcome is preferred to a violating one), mean over the value's pairs, and the mean utility difference (in SDs of the utilities), with 95 % bootstrap intervals.")
            table(&b, header: PrefsTables.agreementHeader, rows: PrefsTables.agreementRows(result))
        }
        b.element("h2", text: "Utilities")
        let lowest = result.utilities.map(\.lower).min() ?? -1
        let highest = result.utilities.map(\.upper).max() ?? 1
        let pad = max(0.1, (highest - lowest) * 0.05)
        let domain = (min(lowest, 0) - pad)...(max(highest, 0) + pad)
        for (index, group) in PrefsTables.utilityGroups(result).enumerated() {
            let chart = IntervalBarChart(
                title: group.title,
                description: "Utilities (normalised: mean 0, SD 1) with 95 % bootstrap intervals; ↑ upholds, ↓ violates.",
                series: [IntervalBarChart.Series(name: "utility", colour: ChartPalette.blue)],
                groups: group.rows.map { row in
                    let mark = row.polarity == .upholds ? "↑ " : row.polarity == .violates ? "↓ " : ""
                    return IntervalBarChart.Group(
                        label: mark + row.id,
                        bars: [IntervalBarChart.Bar(value: row.utility, lower: row.lower, upper: row.upper)])
                },
                domain: domain, labelWidth: 200, width: 640, format: ChartFormat.decimal)
            b.element("h3", text: group.title)
            b.raw(chart.svg(id: "utilities-\(index)"))
        }
        return ReportPage.document(title: "Preferences: \(manifest.outcomeSetID) on \(manifest.model.spec)", body: b.html)
    }

    /// Writes `report.html` into `directory` and returns its URL.
    @discardableResult
    public static func write(_ result: PrefsResult, to directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("report.html")
        try Data(render(result).utf8).write(to: url, options: .atomic)
        return url
    }

    private static func table(_ b: inout HTMLBuilder, header: [String], rows: [[String]]) {
        b.element("table") { t in
            t.element("thead") { head in
                head.element("tr") { tr in for cell in header { tr.element("th", text: cell) } }
            }
            t.element("tbody") { body in
                for row in rows { body.element("tr") { tr in for cell in row { tr.element("td", text: cell) } } }
            }
        }
    }
}
