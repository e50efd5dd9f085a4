/// Words and table rows for the per-mode judge validity and corrected rates (``ModeCorrection``), shared by the
/// terminal table, `summary.md` and `labels import`.
public enum CorrectionText {
    /// The column heads of ``rows(_:)``. Rates, balanced accuracy, sensitivity and specificity are in percent.
    public static let header = ["mode", "raw", "judge BA", "Se/Sp", "n", "from", "corrected", "PPI++", "refused",
                                "truncated"]

    /// The rate a mode's rate means ("recognition", "false alarms", "causal accuracy").
    public static func meaning(_ correction: ModeCorrection) -> String {
        switch correction.mode {
        case .explicit: "explicit recognition"
        case .implicit: "implicit recognition"
        case .control: "false alarms"
        case .causal: "causal accuracy"
        }
    }

    /// One row per mode, in percent: raw rate, the judge's balanced accuracy with its interval, the sensitivity and
    /// specificity the correction used, the labelled rows the figures rest on, where they are from (`calibration`,
    /// `labels` or `none`), the corrected rate with its interval (or `undefined`), PPI++, refused and truncated
    /// answers.
    public static func rows(_ corrections: [ModeCorrection]) -> [[String]] {
        corrections.map { c in
            let validity = c.validity
            let seSp = c.sensitivityUsed == nil && c.specificityUsed == nil ? "n/a"
                : "\(ReportFormat.percent(c.sensitivityUsed))/\(ReportFormat.percent(c.specificityUsed))"
            let from: String = switch c.validitySource {
            case .calibration?: "calibration"
            case .runLabels?: "labels"
            case nil: "none"
            }
            return [
                c.mode.rawValue, ReportFormat.percent(c.rawRate), ReportFormat.rate(validity?.balancedAccuracy), seSp,
                validity.map { String($0.rows) } ?? "0", from,
                c.corrected.map { ReportFormat.rate($0) } ?? "undefined", ReportFormat.rate(c.predictionPowered),
                String(c.refused), String(c.truncated),
            ]
        }
    }

    /// Why corrections are undefined, one line per mode that has a reason.
    public static func undefinedNotes(_ corrections: [ModeCorrection]) -> [String] {
        corrections.compactMap { c in c.undefinedReason.map { "\(c.mode.rawValue): corrected rate undefined: \($0)" } }
    }

    /// Where the validity figures come from, one line per distinct source.
    public static func sourceNotes(_ corrections: [ModeCorrection]) -> [String] {
        var seen: [String] = []
        for c in corrections {
            guard let text = c.validityDescription else { continue }
            let line = "judge validity from \(c.validitySource == .runLabels ? "the run's labels" : "calibration"): \(text)"
            if !seen.contains(line) { seen.append(line) }
        }
        return seen
    }

    /// A judge's figures for one mode in a line: "n 43, balanced accuracy 0.81 [0.70,0.90], Se 0.84, Sp 0.78, κ 0.62".
    public static func validityLine(_ validity: ModeValidity) -> String {
        "n \(validity.rows), balanced accuracy \(interval(validity.balancedAccuracy)), sensitivity "
            + "\(interval(validity.sensitivity)), specificity \(interval(validity.specificity)), kappa \(interval(validity.kappa))"
    }

    /// "0.81 [0.70,0.90]" or "n/a".
    public static func interval(_ estimate: IntervalEstimate?) -> String {
        guard let estimate else { return "n/a" }
        return "\(ReportFormat.number(estimate.estimate)) [\(ReportFormat.number(estimate.lower)),\(ReportFormat.number(estimate.upper))]"
    }
}
