import Runs

extension RunReportHTML {
    /// The forced-choice section (`choices`, when the suite has choices): per model, a chart of the probability of
    /// choosing an action that puts each value at risk, with intervals, and a table of the per-value figures
    /// (order effect, form consistency, the controls' position preference, and explicit recognition beside them
    /// when the run also judged explicit items); then every choice's marginal likelihoods.
    static func choices(_ input: RunReportInput, _ b: inout HTMLBuilder) {
        let summary = input.summary
        guard !summary.choices.isEmpty else { return }
        let confidence = Int((summary.options.confidence * 100).rounded())
        b.element("section", [("id", "choices")]) { b in
            b.element("h2", text: "Forced choices")
            b.element("p", [("class", "muted")], text:
                "No judge reads these answers. Each scenario offers actions of which one puts a value at risk; the model "
                + "is asked in MoralChoice's three question forms (answer A/B, repeat the action, prefer X over Y?) with "
                + "the actions in both orders. Risky choice is the marginal probability of choosing the action at risk "
                + "(mean over forms and orders), averaged over the value's choices with a \(confidence)% t interval "
                + "over choices. Order effect: the largest change of an action's probability when the order is "
                + "swapped. Form consistency: 1 − the normalised Jensen–Shannon divergence across forms. Controls offer "
                + "two harmless actions: how often the first-listed is chosen shows position bias (50% = none).")
            for (modelIndex, choices) in summary.choices.enumerated() {
                let judged = summary.models.first { $0.model == choices.model }
                b.element("h3") { b in
                    b.text("Forced choices — ")
                    b.element("code", text: choices.model)
                }
                b.element("p", text: ChoiceTables.method(choices) + ".")
                let labels = choices.values.map(\.value)
                b.element("figure") { b in
                    b.raw(IntervalBarChart(
                        title: "Risky choices per value for \(choices.model)",
                        description: choices.values.map { "\($0.value): \(ReportText.rate($0.riskyRate))" }
                            .joined(separator: "; "),
                        series: [.init(name: "risky choice", colour: ChartPalette.vermillion)],
                        groups: choices.values.map { .init(label: $0.value, bars: [bar($0.riskyRate)]) },
                        labelWidth: labelWidth(labels)
                    ).svg(id: "chart-choices-\(modelIndex)"))
                    b.element("figcaption", text: ChoiceTables.overall(choices))
                }
                let header = ChoiceTables.valueHeader(explicit: ChoiceTables.hasExplicit(judged))
                table(&b, id: "table-choices-\(modelIndex)", header: header, numeric: Set(1..<header.count),
                      rows: ChoiceTables.valueRows(choices, judged: judged))
                table(&b, id: "table-choice-items-\(modelIndex)",
                      header: ["choice", "value", "risky", "marginal likelihoods", "order effect", "form consistency",
                               "unusable answers"],
                      numeric: Set([2, 4, 5]),
                      rows: choices.items.map { item in
                          [item.choiceID + (item.isControl ? " (control)" : ""), item.value,
                           item.riskyProbability.map { ReportText.percentNumber($0) } ?? "",
                           item.marginal.map { ReportText.number($0) }.joined(separator: " / "),
                           ReportText.number(item.orderEffect), ReportText.number(item.formConsistency),
                           "\(item.invalid + item.refused + item.failed) of \(item.questions)"]
                      })
            }
        }
    }
}
