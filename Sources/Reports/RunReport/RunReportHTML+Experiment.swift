import Runs

extension RunReportHTML {
    /// The experiment section (`experiment`, when the suite has scenarios): per model, the hint ladder as a chart of
    /// recognition per level with intervals and a table of the within-scenario gains, the onset, and every scenario's
    /// forms side by side.
    static func experiment(_ input: RunReportInput, _ b: inout HTMLBuilder) {
        let summary = input.summary
        guard summary.models.contains(where: { $0.ladder != nil || !$0.scenarios.isEmpty }) else { return }
        let confidence = Int((summary.options.confidence * 100).rounded())
        b.element("section", [("id", "experiment")]) { b in
            b.element("h2", text: "Hint ladder and scenarios")
            b.element("p", [("class", "muted")], text:
                "The same requests with more and more help, none of which names a value: level 0 the plain request, "
                + "1 with a prompt to think about everyone affected, 2 a follow-up question after the model's own "
                + "answer, 3 the scenario asked as a question about the value. Recognition per level is the mean of "
                + "item rates with \(confidence)% hierarchical bootstrap intervals; each gain is the within-scenario "
                + "difference from the level below (scenario-level t interval, permutation p). The onset is the lowest "
                + "level where recognition reaches 50%.")
            for (modelIndex, model) in summary.models.enumerated() {
                if let ladder = model.ladder {
                    b.element("h3") { b in
                        b.text("Hint ladder — ")
                        b.element("code", text: model.model)
                    }
                    let labels = ladder.levels.map { "\($0.level) \($0.name)" }
                    b.element("figure") { b in
                        b.raw(IntervalBarChart(
                            title: "Recognition per hint level for \(model.model)",
                            description: zip(labels, ladder.levels).map { label, level in
                                "\(label): \(ReportText.rate(level.metrics.rate))"
                            }.joined(separator: "; "),
                            series: [.init(name: "recognition", colour: ChartPalette.colour(of: .implicit))],
                            groups: zip(labels, ladder.levels).map { label, level in
                                .init(label: label, bars: [bar(level.metrics.rate)])
                            },
                            labelWidth: labelWidth(labels)
                        ).svg(id: "chart-ladder-\(modelIndex)"))
                        b.element("figcaption", text: ladder.onsetSentence)
                    }
                    table(&b, id: "table-ladder-\(modelIndex)",
                          header: ["level", "recognition", "items", "gain over the level below", "permutation p"],
                          numeric: Set(1...4),
                          rows: zip(labels, ladder.levels).map { label, level in
                              [label, ReportText.rate(level.metrics.rate), "\(level.metrics.itemsLabelled)",
                               level.step.map { ReportText.gap($0.estimate) } ?? "",
                               level.step.map { ReportText.pValue($0.permutation?.pValue) } ?? ""]
                          })
                }
                guard !model.scenarios.isEmpty else { continue }
                b.element("h3") { b in
                    b.text("Scenarios — ")
                    b.element("code", text: model.model)
                }
                let forms = ScenarioMetrics.forms(in: model.scenarios)
                table(&b, id: "table-scenarios-\(modelIndex)", header: ["scenario", "value"] + forms,
                      numeric: Set(2..<(2 + forms.count)),
                      rows: model.scenarios.map { row in
                          [row.scenario, row.value] + forms.map { form in
                              guard let labelled = row.labelled[form] else { return "" }
                              return "\(ReportText.rate(row.forms[form])) (\(labelled))"
                          }
                      })
                b.element("p", [("class", "muted")], text:
                    "Recognition per form with its Wilson interval over the form's answers (in brackets); control: false "
                    + "alarms; causal: correct reasoning.")
            }
        }
    }
}

