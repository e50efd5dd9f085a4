import Runs

extension RunReportHTML {
    /// The `judges` section, when the run has several judges or a repeat-consistency check (``JudgePanel``):
    /// each judge's headline rates side by side, their agreement per mode and the consistency of each LLM judge.
    static func judges(_ summary: RunSummary, _ b: inout HTMLBuilder) {
        guard let panel = summary.judgePanel else { return }
        let format = JudgePanelTables.Format(rate: ReportText.rate, number: { ReportText.number($0) })
        b.element("section", [("id", "judges")]) { b in
            b.element("h2", text: "Judges")
            b.element("ul") { b in
                for line in JudgePanelTables.legend(panel) { b.element("li", text: line) }
            }
            let headlines = JudgePanelTables.headlines(panel, format: format)
            table(&b, id: "table-judges", header: headlines.header, numeric: Set(2..<headlines.header.count),
                  rows: headlines.rows)
            if !panel.agreement.isEmpty {
                b.element("p", [("class", "muted")], text: JudgePanelTables.agreementNote)
                let agreement = JudgePanelTables.agreement(panel, format: format)
                table(&b, id: "table-judge-agreement", header: agreement.header,
                      numeric: Set(1..<agreement.header.count), rows: agreement.rows)
            }
            let consistency = JudgePanelTables.consistency(panel, format: format)
            if !consistency.isEmpty {
                b.element("ul", [("id", "judge-consistency")]) { b in
                    for line in consistency { b.element("li", text: line) }
                }
            }
        }
    }
}
