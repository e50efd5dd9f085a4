import Probes

/// `valueprobe judge eval` as text: per judge a table of its figures per mode and over all modes (n, sensitivity,
/// specificity, balanced accuracy and κ with their intervals), the confusion table of each mode, and — with
/// several judges — their agreement. ASCII only.
public enum JudgeEvaluationText {
    /// The text, ending with a line break.
    public static func render(_ evaluation: JudgeEvaluation) -> String {
        var lines: [String] = []
        lines.append("Labels: \(evaluation.source); \(evaluation.rows) rows.")
        lines.append("Se = sensitivity (recall of recognised), Sp = specificity (recall of missed), both Wilson 95%; "
            + "BA = balanced accuracy (mean recall over the human classes present) and kappa (Cohen, over categories), "
            + "both with a 95% percentile bootstrap over rows.")
        for result in evaluation.judges {
            lines.append("")
            lines.append("== judge \(result.validity.judge) ==")
            var rows = result.validity.modes.map { mode in
                figuresRow(mode.mode.rawValue, rows: mode.rows, sensitivity: mode.sensitivity,
                           specificity: mode.specificity, balanced: mode.balancedAccuracy, kappa: mode.kappa)
            }
            let all = result.allModes
            rows.append(figuresRow("all modes", rows: all.rows, sensitivity: all.sensitivity, specificity: all.specificity,
                                   balanced: all.balancedAccuracy, kappa: all.kappa))
            lines += TextTable(header: ["mode", "n", "Se [95%]", "Sp [95%]", "BA [95%]", "kappa [95%]"], rows: rows)
                .render(maximumWidth: 120)
            if result.failures > 0 {
                lines.append("the judge failed on \(result.failures) row(s); they count as 'error' verdicts")
            }
            for mode in result.validity.modes {
                lines.append("")
                lines.append("\(mode.mode.rawValue): human label (rows) x judge category (columns)")
                lines += confusionLines(mode.confusion)
            }
        }
        if let agreement = evaluation.agreement {
            lines.append("")
            lines.append("== agreement among the judges (\(agreement.units) rows) ==")
            let alpha = agreement.alpha.map { CorrectionText.interval($0) } ?? "n/a"
            lines.append("Krippendorff's alpha (nominal, over categories): \(alpha)")
            for pair in agreement.pairs {
                lines.append("kappa \(pair.first) vs \(pair.second): \(ReportFormat.number(pair.kappa)) "
                    + "(agreement \(ReportFormat.percent(pair.observedAgreement))%)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func figuresRow(
        _ name: String, rows: Int, sensitivity: IntervalEstimate?, specificity: IntervalEstimate?,
        balanced: IntervalEstimate?, kappa: IntervalEstimate?
    ) -> [String] {
        [name, String(rows), CorrectionText.interval(sensitivity), CorrectionText.interval(specificity),
         CorrectionText.interval(balanced), CorrectionText.interval(kappa)]
    }

    static func confusionLines(_ confusion: VerdictConfusion) -> [String] {
        let rows = HumanVerdict.allCases.compactMap { human -> [String]? in
            guard confusion.total(human: human) > 0 else { return nil }
            return [human.rawValue] + VerdictCategory.allCases.map { String(confusion.count(human: human, judge: $0)) }
                + [String(confusion.total(human: human))]
        }
        return TextTable(header: ["human \\ judge"] + VerdictCategory.allCases.map(\.rawValue) + ["total"], rows: rows)
            .render(maximumWidth: 120)
    }
}
