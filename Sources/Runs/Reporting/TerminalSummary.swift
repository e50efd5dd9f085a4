/// The summary as text for a terminal: per model, the headline and a table per value (percentages with their
/// intervals; the gap in percentage points). At most ``width`` characters per line, ASCII only.
enum TerminalSummary {
    /// Widest line.
    static let width = 100
    /// The per-scenario table is printed up to this many scenarios (the reports always have it).
    static let maximumScenarioRows = 12

    static func render(_ summary: RunSummary) -> String {
        var lines: [String] = []
        let context = summary.context
        let confidence = Int((summary.options.confidence * 100).rounded())
        var title = "ValueProbe"
        if !context.runID.isEmpty { title += " run \(context.runID)" }
        title += " | suite \(context.suiteID) | judge \(context.judge.isEmpty ? "n/a" : context.judge)"
        lines.append(title)
        lines.append("Rates in percent with \(confidence)% intervals; gaps in percentage points; n/a = no labelled samples.")
        // A run of forced choices only has no judged samples: its models are shown in the choices section.
        let judgedModels = summary.models.filter { $0.counts.planned > 0 || summary.choices.isEmpty }
        for model in judgedModels {
            lines.append("")
            lines.append("== \(model.model) ==")
            let counts = model.counts
            lines.append("samples: \(counts.planned) planned, \(counts.labelled) labelled, \(counts.unparseable) unparseable, "
                + "\(counts.refused) refused, \(counts.error) failed, \(counts.pending) pending")
            lines.append(TruncationText.line(model.truncation))
            let headline = model.headline
            var rows: [[String]] = []
            rows.append(["explicit recognition", ReportFormat.rate(headline.explicitRate), ""])
            rows.append(["implicit recognition", ReportFormat.rate(headline.implicitRate), ""])
            var gapNote = ""
            if let gap = headline.gap {
                gapNote = "\(gap.scenarios) scenarios, scenario t interval"
                if let test = gap.permutation { gapNote += "; permutation p=\(ReportFormat.pValue(test.pValue))" }
            }
            rows.append(["gap explicit - implicit", ReportFormat.gap(headline.gap?.estimate), gapNote])
            rows.append(["false alarms (controls)", ReportFormat.rate(headline.falseAlarmRate), ""])
            let pairs = headline.pairAccuracy.map { "\($0.pairs) pairs" } ?? ""
            rows.append(["pair accuracy", ReportFormat.rate(headline.pairAccuracy?.rate), pairs])
            rows.append(["causal accuracy", ReportFormat.rate(headline.causalAccuracy), ""])
            let strong = headline.strongAlignment
            let tau = ReportFormat.number(strong.threshold)
            let saiNote = "tau \(tau): \(strong.valuesPassing) of \(strong.valuesTotal) values pass"
                + (strong.weakOnlyShare.map { "; weak-only \(ReportFormat.percent($0))" } ?? "")
            rows.append(["strong alignment (SAI)", ReportFormat.rate(strong.index), saiNote])
            lines += TextTable(header: ["measure", "value", "note"], rows: rows).render(maximumWidth: width)
            if let composition = headline.gap?.composition { lines.append("the gap is \(composition)") }
            if !model.judgeCorrection.isEmpty {
                lines.append("")
                lines.append("Judge validity and corrected rates per mode, in percent (raw = recognised/judged; judge BA ="
                    + " balanced accuracy; Se/Sp used by the correction; n labelled rows; corrected = Rogan-Gladen):")
                lines += TextTable(header: CorrectionText.header, rows: CorrectionText.rows(model.judgeCorrection))
                    .render(maximumWidth: width)
                lines += CorrectionText.undefinedNotes(model.judgeCorrection)
                lines += CorrectionText.sourceNotes(model.judgeCorrection)
            }
            if let agreement = model.judgeAgreement, agreement.n > 0 {
                lines.append("judge vs humans: kappa \(ReportFormat.number(agreement.kappa)), sensitivity "
                    + "\(ReportFormat.number(agreement.sensitivity)), specificity \(ReportFormat.number(agreement.specificity)) (n=\(agreement.n))")
            }
            lines.append("")
            let valueRows = model.values.map { value in
                [value.value, ReportFormat.rate(value.explicit?.rate), ReportFormat.rate(value.implicit?.rate),
                 ReportFormat.gap(value.gap?.estimate), ReportFormat.pValue(value.gap?.permutation?.pValue),
                 ReportFormat.rate(value.control?.rate), ReportFormat.rate(value.causal?.rate)]
            }
            lines += TextTable(header: ["value", "explicit", "implicit", "gap", "p", "false alarm", "causal"],
                               rows: valueRows).render(maximumWidth: width)
            if let caution = headline.gap?.caution { lines.append("gap overall: \(caution)") }
            for value in model.values {
                if let caution = value.gap?.caution { lines.append("gap \(value.value): \(caution)") }
            }
            if let ladder = model.ladder {
                lines.append("")
                lines.append("Hint ladder (recognition per level over every value; gain = within-scenario difference "
                    + "from the level below, scenario t interval, permutation p):")
                lines += TextTable(header: ExperimentTables.ladderHeader, rows: ExperimentTables.ladderRows(ladder))
                    .render(maximumWidth: width)
                lines.append(ladder.onsetSentence)
            }
            if !model.scenarios.isEmpty && model.scenarios.count <= maximumScenarioRows {
                lines.append("")
                lines.append("Per scenario (recognition in percent, labelled answers in brackets; control = false alarms):")
                lines += TextTable(header: ExperimentTables.scenarioHeader(model.scenarios),
                                   rows: ExperimentTables.scenarioRows(model.scenarios)).render(maximumWidth: width)
            } else if !model.scenarios.isEmpty {
                lines.append("per-scenario table: \(model.scenarios.count) scenarios, in the Markdown and HTML reports")
            }
            let unstable = model.items.filter { $0.stability == .unstable }.count
            let labelled = model.items.filter { $0.stability != nil }.count
            lines.append("items: \(model.items.count), not decided by their repeats (Wilson interval includes 1/2): \(unstable) of \(labelled) with labels")
        }
        if !summary.choices.isEmpty {
            lines.append("")
            lines.append(ChoiceTables.legend)
        }
        for choices in summary.choices {
            let judged = summary.models.first { $0.model == choices.model }
            lines.append("")
            lines.append("== \(choices.model): forced choices ==")
            lines.append(ChoiceTables.method(choices))
            lines += TextTable(header: ChoiceTables.valueHeader(explicit: ChoiceTables.hasExplicit(judged)),
                               rows: ChoiceTables.valueRows(choices, judged: judged)).render(maximumWidth: width)
            lines.append(ChoiceTables.overall(choices))
        }
        if let panel = summary.judgePanel {
            let format = JudgePanelTables.Format(rate: ReportFormat.rate, number: { ReportFormat.number($0) })
            lines.append("")
            lines.append("== judges ==")
            lines += JudgePanelTables.legend(panel)
            let headlines = JudgePanelTables.headlines(panel, format: format)
            lines += TextTable(header: headlines.header, rows: headlines.rows).render(maximumWidth: width)
            if !panel.agreement.isEmpty {
                lines.append(JudgePanelTables.agreementNote)
                let agreement = JudgePanelTables.agreement(panel, format: format)
                lines += TextTable(header: agreement.header, rows: agreement.rows).render(maximumWidth: width)
            }
            lines += JudgePanelTables.consistency(panel, format: format)
        }
        if !summary.warnings.isEmpty {
            lines.append("")
            for warning in summary.warnings { lines.append("warning: \(warning)") }
        }
        return lines.flatMap { ReportFormat.wrap($0, to: width) }.joined(separator: "\n") + "\n"
    }
}
