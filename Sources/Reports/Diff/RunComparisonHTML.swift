/// A run comparison as a self-contained HTML page: a chart of Δ recognition per value with intervals, and the
/// full table. Sections: `comparison-chart`, `comparison-table`, `warnings` (when any).
public enum RunComparisonHTML {
    /// The page.
    public static func render(_ comparison: RunComparison) -> String {
        var page = HTMLBuilder()
        page.element("header", [("class", "page")]) { b in
            b.element("h1", text: "ValueProbe comparison")
            for (name, side) in [("A", comparison.a), ("B", comparison.b)] {
                b.element("p", [("class", "lead")]) { b in
                    b.element("strong", text: name + ": ")
                    b.text("run ")
                    b.element("code", text: side.runID.isEmpty ? "(unnamed)" : side.runID)
                    b.text(", model ")
                    b.element("code", text: side.model)
                    b.text(", suite ")
                    b.element("code", text: side.suiteID.isEmpty ? "n/a" : side.suiteID)
                }
            }
        }
        page.element("main") { b in
            body(comparison, &b)
        }
        return ReportPage.document(title: "ValueProbe comparison — \(comparison.a.model) vs \(comparison.b.model)", body: page.html)
    }

    /// The page's sections, for embedding in another page.
    public static func body(_ comparison: RunComparison, _ b: inout HTMLBuilder) {
        b.element("section", [("id", "comparison-chart")]) { b in
            b.element("h2", text: "Δ recognition per value (A − B)")
            b.element("p", [("class", "muted")], text: RunComparisonText.explanation(comparison))
            let rows = comparison.rows.filter { $0.measure == .recognition }
            b.element("figure") { b in
                b.raw(IntervalBarChart(
                    title: "Difference in recognition between run A and run B per value",
                    description: rows.map { "\($0.value ?? "all values"): \(ChartFormat.points($0.delta.estimate))" }.joined(separator: "; "),
                    series: [.init(name: "Δ recognition (A − B)", colour: ChartPalette.blue)],
                    groups: rows.map { row in
                        .init(label: row.value ?? "all values",
                              bars: [.init(value: row.delta.estimate, lower: row.delta.lower, upper: row.delta.upper)])
                    },
                    domain: -1...1, labelWidth: RunReportHTML.labelWidth(rows.map { $0.value ?? "all values" }),
                    format: ChartFormat.points
                ).svg(id: "chart-comparison"))
                b.element("figcaption", text: "Positive: run A recognises the value more often. Whiskers: paired bootstrap interval.")
            }
        }
        b.element("section", [("id", "comparison-table")]) { b in
            b.element("h2", text: "All measures")
            RunReportHTML.table(&b, id: "table-comparison", header: RunComparisonText.header, numeric: Set(2...8),
                                rows: RunComparisonText.cells(comparison))
        }
        if !comparison.warnings.isEmpty {
            b.element("section", [("id", "warnings")]) { b in
                b.element("h2", text: "Warnings")
                b.element("ul", [("class", "warnings")]) { b in
                    for warning in comparison.warnings { b.element("li", text: warning) }
                }
            }
        }
    }
}
