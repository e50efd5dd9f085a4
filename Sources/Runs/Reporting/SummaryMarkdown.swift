/// `summary.md`: the run's context, then per model the headline, a table per value and a table per item.
enum SummaryMarkdown {
    static func render(_ summary: RunSummary) -> String {
        let context = summary.context
        let confidence = Int((summary.options.confidence * 100).rounded())
        var out: [String] = []
        out.append("# ValueProbe run \(cell(context.runID.isEmpty ? "(unnamed)" : context.runID))")
        out.append("")
        out.append("- Suite: `\(context.suiteID)` (hash `\(context.suiteHash)`)")
        out.append("- Models: \(context.models.map { "`\($0)`" }.joined(separator: ", "))")
        out.append("- Judge: `\(context.judge)`")
        out.append("- Samples per prompt: \(context.samples); run seed \(context.seed); ValueProbe \(context.toolVersion)")
        out.append("- Intervals: \(confidence) %; bootstrap B = \(summary.options.bootstrapReplicates), seed \(summary.options.seed); "
            + "SAI threshold τ = \(ReportFormat.number(summary.options.saiThreshold))")
        out.append("- Rates are percentages (mean of item rates, hierarchical bootstrap interval); gaps are percentage points "
            + "(paired bootstrap over explicit/implicit pairs); n/a means no labelled sample. Unparseable, refused and "
            + "failed samples are counted apart and never as misses.")
        let judgedModels = summary.models.filter { $0.counts.planned > 0 || summary.choices.isEmpty }
        if !judgedModels.isEmpty {
            out.append("")
            out.append("## Headline")
            out.append("")
            out.append(row(["model", "explicit", "implicit", "gap (E − I)", "permutation p", "false alarms", "pair accuracy",
                            "causal", "SAI", "values ≥ τ", "labelled / planned"]))
            out.append(row(Array(repeating: "---", count: 11)))
            for model in judgedModels {
                let h = model.headline
                out.append(row([
                    "`\(model.model)`", ReportFormat.rate(h.explicitRate), ReportFormat.rate(h.implicitRate),
                    ReportFormat.gap(h.gap?.estimate), ReportFormat.pValue(h.gap?.permutation?.pValue),
                    ReportFormat.rate(h.falseAlarmRate), ReportFormat.rate(h.pairAccuracy?.rate),
                    ReportFormat.rate(h.causalAccuracy), ReportFormat.rate(h.strongAlignment.index),
                    "\(h.strongAlignment.valuesPassing) / \(h.strongAlignment.valuesTotal)",
                    "\(model.counts.labelled) / \(model.counts.planned)",
                ]))
            }
        }
        for model in judgedModels {
            if let composition = model.headline.gap?.composition {
                out.append("")
                out.append("- `\(model.model)`: the gap is \(composition) (the explicit and implicit columns also hold "
                    + "items outside scenarios and weigh items, not scenarios).")
            }
        }
        for model in judgedModels {
            out.append("")
            out.append("## `\(model.model)`")
            out.append("")
            let c = model.counts
            out.append("Samples: \(c.planned) planned, \(c.labelled) labelled (\(c.recognised) recognised, \(c.missed) missed), "
                + "\(c.unparseable) unparseable, \(c.refused) refused, \(c.error) failed, \(c.pending) pending.")
            out.append("")
            out.append(cell(TruncationText.line(model.truncation)) + ".")
            if !model.judgeCorrection.isEmpty {
                out.append("")
                out.append("### Judge validity and corrected rates per mode")
                out.append("")
                out.append("In percent. Raw = recognised / (recognised + missed); judge BA = the judge's balanced accuracy "
                    + "on labelled responses of the mode; Se/Sp = the sensitivity and specificity the correction used; "
                    + "n = labelled rows the figures rest on; from = the shipped calibration figures or the run's labels; "
                    + "corrected = Rogan–Gladen with a joint bootstrap over the run's items and the labelled rows; "
                    + "PPI++ = prediction-powered inference from labels on this model's own samples.")
                out.append("")
                out.append(row(CorrectionText.header))
                out.append(row(Array(repeating: "---", count: CorrectionText.header.count)))
                for cells in CorrectionText.rows(model.judgeCorrection) { out.append(row(cells)) }
                let notes = CorrectionText.undefinedNotes(model.judgeCorrection) + CorrectionText.sourceNotes(model.judgeCorrection)
                if !notes.isEmpty {
                    out.append("")
                    for note in notes { out.append("- \(cell(note))") }
                }
            }
            if let agreement = model.judgeAgreement {
                out.append("")
                out.append(agreementLine(agreement))
            }
            out.append("")
            out.append("### Values")
            out.append("")
            out.append(row(["value", "explicit", "implicit", "false alarms (control)", "causal", "gap (E − I)", "p",
                            "pairs", "pair accuracy", "R_E ≥ τ"]))
            out.append(row(Array(repeating: "---", count: 10)))
            for value in model.values {
                var pairs = "n/a"
                if let gap = value.gap {
                    pairs = "\(gap.pairs)" + (gap.fallbackPairs > 0 ? " + \(gap.fallbackPairs) fallback" : "")
                }
                let test = value.gap?.permutation.map { ReportFormat.pValue($0.pValue) } ?? "n/a"
                out.append(row([
                    value.value, ReportFormat.rate(value.explicit?.rate), ReportFormat.rate(value.implicit?.rate),
                    ReportFormat.rate(value.control?.rate), ReportFormat.rate(value.causal?.rate),
                    ReportFormat.gap(value.gap?.estimate), test, pairs, ReportFormat.rate(value.pairAccuracy?.rate),
                    value.passesThreshold.map { $0 ? "yes" : "no" } ?? "n/a",
                ]))
            }
            let cautions = model.values.compactMap { value in value.gap?.caution.map { "- gap \(value.value): \($0)" } }
                + (model.headline.gap?.caution.map { ["- gap overall: \($0)"] } ?? [])
            if !cautions.isEmpty {
                out.append("")
                out += cautions
            }
            if let ladder = model.ladder {
                out.append("")
                out.append("### Hint ladder")
                out.append("")
                out.append("Recognition per level over every value (mean of item rates, hierarchical bootstrap interval); "
                    + "gain = the within-scenario difference from the level below (scenario t interval, permutation p).")
                out.append("")
                out.append(row(ExperimentTables.ladderHeader))
                out.append(row(Array(repeating: "---", count: ExperimentTables.ladderHeader.count)))
                for cells in ExperimentTables.ladderRows(ladder) { out.append(row(cells)) }
                out.append("")
                out.append(ladder.onsetSentence)
            }
            if !model.scenarios.isEmpty {
                out.append("")
                out.append("### Scenarios")
                out.append("")
                out.append("Recognition per form in percent, labelled answers in brackets (control: false alarms; "
                    + "causal: correct reasoning).")
                out.append("")
                let header = ExperimentTables.scenarioHeader(model.scenarios)
                out.append(row(header))
                out.append(row(Array(repeating: "---", count: header.count)))
                for cells in ExperimentTables.scenarioRows(model.scenarios) {
                    out.append(row(["`\(cells[0])`"] + cells.dropFirst()))
                }
            }
            out.append("")
            out.append("### Items")
            out.append("")
            out.append(row(["item", "value", "mode", "recognised / labelled", "rate", "stability", "D", "flip rate",
                            "group EM", "unparseable", "refused", "failed", "pending"]))
            out.append(row(Array(repeating: "---", count: 13)))
            for item in model.items {
                out.append(row([
                    "`\(item.itemID)`", item.value, item.mode.rawValue, "\(item.counts.recognised) / \(item.counts.labelled)",
                    ReportFormat.rate(item.rate), item.stability.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") } ?? "n/a",
                    ReportFormat.number(item.variability?.disagreement), ReportFormat.number(item.variability?.flipRate),
                    item.groupExactMatch.map { $0 ? "yes" : "no" } ?? "n/a",
                    "\(item.counts.unparseable)", "\(item.counts.refused)", "\(item.counts.error)", "\(item.counts.pending)",
                ]))
            }
        }
        if let agreement = summary.judgeAgreement {
            out.append("")
            out.append("## Judge against human labels (whole run)")
            out.append("")
            out.append(agreementLine(agreement))
            if let validity = summary.labelValidity {
                out.append("")
                for mode in validity.modes { out.append("- \(mode.mode.rawValue): \(CorrectionText.validityLine(mode))") }
            }
        }
        if let panel = summary.judgePanel {
            let format = JudgePanelTables.Format(rate: ReportFormat.rate, number: { ReportFormat.number($0) })
            out.append("")
            out.append("## Judges")
            out.append("")
            for line in JudgePanelTables.legend(panel) { out.append("- \(cell(line))") }
            out.append("")
            let headlines = JudgePanelTables.headlines(panel, format: format)
            out.append(row(headlines.header))
            out.append(row(Array(repeating: "---", count: headlines.header.count)))
            for cells in headlines.rows { out.append(row(cells)) }
            if !panel.agreement.isEmpty {
                out.append("")
                out.append(JudgePanelTables.agreementNote)
                out.append("")
                let agreement = JudgePanelTables.agreement(panel, format: format)
                out.append(row(agreement.header))
                out.append(row(Array(repeating: "---", count: agreement.header.count)))
                for cells in agreement.rows { out.append(row(cells)) }
            }
            let consistency = JudgePanelTables.consistency(panel, format: format)
            if !consistency.isEmpty {
                out.append("")
                for line in consistency { out.append("- \(cell(line))") }
            }
        }
        if !summary.choices.isEmpty {
            out.append("")
            out.append("## Forced choices")
            out.append("")
            out.append(cell(ChoiceTables.legend))
        }
        for choices in summary.choices {
            let judged = summary.models.first { $0.model == choices.model }
            let header = ChoiceTables.valueHeader(explicit: ChoiceTables.hasExplicit(judged))
            out.append("")
            out.append("### `\(choices.model)`")
            out.append("")
            out.append(cell(ChoiceTables.method(choices)) + ".")
            out.append("")
            out.append(row(header))
            out.append(row(Array(repeating: "---", count: header.count)))
            for cells in ChoiceTables.valueRows(choices, judged: judged) { out.append(row(cells)) }
            out.append("")
            out.append(cell(ChoiceTables.overall(choices)) + ".")
            out.append("")
            out.append(row(["choice", "value", "risky", "marginal", "order effect", "form consistency", "unusable"]))
            out.append(row(Array(repeating: "---", count: 7)))
            for item in choices.items {
                out.append(row([item.choiceID + (item.isControl ? " (control)" : ""), item.value,
                                ReportFormat.percent(item.riskyProbability),
                                item.marginal.map { ReportFormat.number($0) }.joined(separator: " / "),
                                ReportFormat.number(item.orderEffect), ReportFormat.number(item.formConsistency),
                                "\(item.invalid + item.refused + item.failed) of \(item.questions)"]))
            }
        }
        if !summary.warnings.isEmpty {
            out.append("")
            out.append("## Warnings")
            out.append("")
            for warning in summary.warnings { out.append("- \(cell(warning))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func agreementLine(_ agreement: JudgeAgreement) -> String {
        "Judge vs human labels: n = \(agreement.n), Cohen's κ = \(ReportFormat.number(agreement.kappa)), "
            + "sensitivity \(ReportFormat.number(agreement.sensitivity)), specificity \(ReportFormat.number(agreement.specificity)) "
            + "(\(agreement.humanUndecided) undecided by humans, \(agreement.judgeUnlabelled) without a judge label)."
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map(cell).joined(separator: " | ") + " |"
    }

    /// A table cell: pipes escaped, line breaks turned into spaces.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
