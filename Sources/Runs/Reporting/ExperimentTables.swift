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

    /// The sentence that says where the model starts to notice.
    static func onsetLine(_ ladder: LadderMetrics) -> String {
        guard let onset = ladder.onset else {
            return "onset: recognition stays below 50% at every level"
        }
        let name = LadderMetrics.name(of: onset)
        return onset == ladder.levels.first?.level
            ? "onset: notices at the plain request already (level \(onset), \(name): recognition >= 50%)"
            : "onset: starts to notice at level \(onset) (\(name)), the lowest level with recognition >= 50%"
    }

    /// Header of the per-scenario table: the scenario, its value, then each form the run asked.
    static func scenarioHeader(_ rows: [ScenarioMetrics]) -> [String] {
        ["scenario", "value"] + forms(rows)
    }

    /// One row per scenario: point rates in percent with the labelled answers in brackets ("50 (4)").
    static func scenarioRows(_ rows: [ScenarioMetrics]) -> [[String]] {
        let forms = forms(rows)
        return rows.map { row in
            [row.scenario, row.value] + forms.map { form in
                guard let labelled = row.labelled[form] else { return "" }
                guard let rate = row.forms[form] else { return "n/a (\(labelled))" }
                return "\(ReportFormat.percent(rate.estimate)) (\(labelled))"
            }
        }
    }

    /// The forms present in any row, in table order.
    private static func forms(_ rows: [ScenarioMetrics]) -> [String] {
        ScenarioMetrics.formOrder.filter { form in rows.contains { $0.labelled[form] != nil } }
    }
}
