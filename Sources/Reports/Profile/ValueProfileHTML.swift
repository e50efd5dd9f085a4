import Foundation
import Runs

/// The self-contained HTML page of a ``ValueProfile``: the sources, a chart with one group per value (says,
/// notices, chooses, prefers, each with its interval, on one 0–100 % axis) and the table of
/// ``ValueProfileText``.
public enum ValueProfileHTML {
    /// The measures drawn, in order, with their colours.
    static let series: [(name: String, colour: String, pick: @Sendable (ValueProfileRow) -> IntervalBarChart.Bar?)] = [
        ("says: explicit", ChartPalette.blue, { $0.explicit.map(bar) }),
        ("notices: implicit", ChartPalette.orange, { $0.implicit.map(bar) }),
        ("chooses: kept", ChartPalette.green, { $0.choiceKept.map(bar) }),
        ("prefers: upholds", ChartPalette.purple, { row in
            row.utilityPreference.map { IntervalBarChart.Bar(value: $0.estimate, lower: $0.lower, upper: $0.upper) }
        }),
    ]

    /// The page.
    public static func render(_ profile: ValueProfile) -> String {
        var b = HTMLBuilder()
        let title = "Value profile of \(profile.model)"
        b.element("h1", text: title)
        b.element("ul") { list in
            for line in ValueProfileText.sourceLines(profile) { list.element("li", text: line) }
        }
        // Only the measures some source gave get a series (and a legend entry).
        let drawn = series.filter { measure in profile.rows.contains { measure.pick($0) != nil } }
        if !drawn.isEmpty {
            let chart = IntervalBarChart(
                title: title,
                description: "Per value, the measures with their 95 % intervals; higher = more in line with the value.",
                series: drawn.map { IntervalBarChart.Series(name: $0.name, colour: $0.colour) },
                groups: profile.rows.map { row in
                    IntervalBarChart.Group(label: row.value,
                                           bars: drawn.map { $0.pick(row) ?? IntervalBarChart.Bar(value: nil) })
                },
                labelWidth: 130, width: 640)
            b.raw(chart.svg(id: "value-profile"))
        }
        b.element("table") { t in
            t.element("thead") { head in
                head.element("tr") { tr in for cell in ValueProfileText.header { tr.element("th", text: cell) } }
            }
            t.element("tbody") { body in
                for row in ValueProfileText.rows(profile) {
                    body.element("tr") { tr in for cell in row { tr.element("td", text: cell) } }
                }
            }
        }
        b.element("p", text: ValueProfileText.legend)
        return ReportPage.document(title: title, body: b.html)
    }

    private static func bar(_ estimate: IntervalEstimate) -> IntervalBarChart.Bar {
        IntervalBarChart.Bar(value: estimate.estimate, lower: estimate.lower, upper: estimate.upper)
    }
}
