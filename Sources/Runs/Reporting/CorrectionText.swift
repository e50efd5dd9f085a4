/// Words and table rows for the per-mode judge validity and corrected rates (``ModeCorrection``), shared by the
/// terminal table, `summary.md` and `labels import`.
public enum CorrectionText {
    /// The column heads of ``rows(_:)``.
    public static let header = ["mode", "raw", "judge BA [95%]", "Se / Sp", "n", "from", "corrected [95%]", "PPI++ [95%]",
                                "refused", "truncated"]

    /// The rate a mode's rate means ("recognition", "false alarms", "causal accuracy").
    public static func meaning(_ correction: ModeCorrection) -> String {
        switch correction.mode {
        case .explicit: "explicit recognition"
        case .implicit: "implicit recognition"
        case .control: "false alarms"
        case .causal: "causal accuracy"
        }
    }

    /// One row per mode: raw rate, the judge's balanced accuracy with interval, Se/Sp used, validity rows, where
    /// the figures are from, the corrected rate (or "undefined"), PPI++, refused and truncated answers.
    public static func rows(_ corrections: [ModeCorrection]) -> [[String]] {
        corrections.map { c in
            let validity = c.validity
            let seSp = c.sensitivityUsed == nil && c.specificityUsed == nil ? "n/a"
                : "\(ReportFormat.number(c.sensitivityUsed)) / \(ReportFormat.number(c.specificityUsed))"
            let from: String = switch c.validitySource {
            case .calibration?: "calibration"
            case .runLabels?: "run labels"
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
            let line = "judge validity (\(c.validitySource == .runLabels ? "run labels" : "calibration")): \(text)"
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
