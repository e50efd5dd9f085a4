/// The hint ladder and the per-scenario table as rows of text, shared by the terminal and Markdown summaries.
enum ExperimentTables {
    /// Header of the ladder table.
    static let ladderHeader = ["level", "recognition", "items", "gain over level below", "p"]

    /// One row per level: its number and name, rate with interval, items labelled, the within-scenario gain over
    /// the level below with its interval and permutation p.
    static func ladderRows(_ ladder: LadderMetrics) -> [[String]] {
        ladder.levels.map { level in
            ["\(level.level) \(level.name)", ReportFormat.rate(level.metrics.rate), "\(level.metrics.itemsLabelled)",
             level.step.map { ReportFormat.gap($0.estimate) } ?? "", level.step.map { ReportFormat.pValue($0.permutation?.pValue) } ?? ""]
        }
    }

    /// Header of the per-scenario table: the scenario, its value, then each form the run asked.
    static func scenarioHeader(_ rows: [ScenarioMetrics]) -> [String] {
        ["scenario", "value"] + ScenarioMetrics.forms(in: rows)
    }

    /// One row per scenario: point rates in percent with the labelled answers in brackets ("50 (4)").
    static func scenarioRows(_ rows: [ScenarioMetrics]) -> [[String]] {
        let forms = ScenarioMetrics.forms(in: rows)
        return rows.map { row in
            [row.scenario, row.value] + forms.map { form in
                guard let labelled = row.labelled[form] else { return "" }
                guard let rate = row.forms[form] else { return "n/a (\(labelled))" }
                return "\(ReportFormat.percent(rate.estimate)) (\(labelled))"
            }
        }
    }
}
