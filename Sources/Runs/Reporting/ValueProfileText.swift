import Statistics

/// A ``ValueProfile`` as a terminal table or a Markdown page.
public enum ValueProfileText {
    /// The columns, in order.
    public static let header = ["value", "says: explicit", "notices: implicit", "false alarms", "chooses: kept",
                                "prefers: upholds", "below explicit"]

    /// What the columns mean.
    public static let legend = "Percent with 95 % intervals; higher = more in line with the value, except false alarms. "
        + "says = judged explicit recognition; notices = judged implicit recognition; false alarms = value concerns "
        + "raised on the controls; chooses = probability of choosing the action that keeps the value in forced "
        + "choices (no judge); prefers = fitted P(an outcome upholding the value is preferred to one violating it) "
        + "from the utilities (no judge). below explicit = measures whose interval lies wholly below the explicit "
        + "one: the model states the value when asked and does not act on it there (weak alignment)."

    /// One row of cells per value.
    public static func rows(_ profile: ValueProfile) -> [[String]] {
        profile.rows.map { row in
            [row.value, ReportFormat.rate(row.explicit), ReportFormat.rate(row.implicit),
             ReportFormat.rate(row.falseAlarm), ReportFormat.rate(row.choiceKept), interval(row.utilityPreference),
             row.belowExplicit.isEmpty ? "-" : row.belowExplicit.joined(separator: ", ")]
        }
    }

    /// One line per source: what it measured and how.
    public static func sourceLines(_ profile: ValueProfile) -> [String] {
        profile.sources.map { source in
            let kind = source.kind == "prefs" ? "preference run" : "run"
            let measures = source.measures.isEmpty ? "nothing for this model" : source.measures.joined(separator: ", ")
            return "\(kind) \(source.id) (\(source.set)): \(measures); \(source.method)"
        }
    }

    /// The terminal rendering, at most `width` characters a line.
    public static func terminal(_ profile: ValueProfile, width: Int = 100) -> String {
        var lines = ["Value profile of \(profile.model)"]
        lines += sourceLines(profile).map { "  " + $0 }
        lines.append("")
        lines += TextTable(header: header, rows: rows(profile)).render(maximumWidth: width)
        lines.append("")
        lines += ReportFormat.wrap(legend, to: width)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Markdown rendering.
    public static func markdown(_ profile: ValueProfile) -> String {
        var out = ["# Value profile of `\(profile.model)`", ""]
        out += sourceLines(profile).map { "- " + SummaryMarkdown.cell($0) }
        out += ["", SummaryMarkdown.row(header), SummaryMarkdown.row(Array(repeating: "---", count: header.count))]
        out += rows(profile).map(SummaryMarkdown.row)
        out += ["", SummaryMarkdown.cell(legend), ""]
        return out.joined(separator: "\n")
    }

    private static func interval(_ interval: Interval?) -> String {
        guard let interval else { return "n/a" }
        return "\(ReportFormat.percent(interval.estimate)) [\(ReportFormat.percent(interval.lower)),"
            + "\(ReportFormat.percent(interval.upper))]"
    }
}
