/// The tables every report shows for a ``JudgePanel`` (terminal, `summary.md`, `report.html`), with the number
/// formatting left to the report.
public enum JudgePanelTables {
    /// How a report writes numbers.
    public struct Format {
        /// A rate with its interval.
        public var rate: (IntervalEstimate?) -> String
        /// A plain number (α, κ) or "n/a".
        public var number: (Double?) -> String

        /// Creates a format.
        public init(rate: @escaping (IntervalEstimate?) -> String, number: @escaping (Double?) -> String) {
            self.rate = rate
            self.number = number
        }
    }

    /// `[1] rubric (primary)`, `[2] llm:…` — the numbers the pair columns refer to.
    public static func legend(_ panel: JudgePanel) -> [String] {
        panel.judges.enumerated().map { index, judge in
            "[\(index + 1)] \(judge)" + (index == 0 ? " (primary: its verdicts give the headline)" : "")
        }
    }

    /// Each judge's headline rates per model, side by side.
    public static func headlines(_ panel: JudgePanel, format: Format) -> (header: [String], rows: [[String]]) {
        let header = ["judge", "model", "explicit", "implicit", "false alarms", "causal", "labelled", "unparseable",
                      "refused"]
        let rows = panel.headlines.map { entry -> [String] in
            let number = (panel.judges.firstIndex(of: entry.judge) ?? 0) + 1
            var total = CategoryCounts()
            for mode in entry.modes { total.add(mode.counts) }
            let h = entry.headline
            return ["[\(number)]", entry.model, format.rate(h.explicitRate), format.rate(h.implicitRate),
                    format.rate(h.falseAlarmRate), format.rate(h.causalAccuracy),
                    "\(total.labelled) / \(total.planned)", "\(total.unparseable)", "\(total.refused)"]
        }
        return (header, rows)
    }

    /// Agreement per mode and over all modes: units, α with its interval, κ of every pair.
    public static func agreement(_ panel: JudgePanel, format: Format) -> (header: [String], rows: [[String]]) {
        var header = ["mode", "samples", "alpha [interval]"]
        let pairs = panel.agreement.first?.pairs ?? []
        for pair in pairs {
            let first = (panel.judges.firstIndex(of: pair.first) ?? 0) + 1
            let second = (panel.judges.firstIndex(of: pair.second) ?? 0) + 1
            header.append("kappa \(first)-\(second)")
        }
        let rows = panel.agreement.map { entry -> [String] in
            var alpha = "n/a"
            if let a = entry.alpha {
                alpha = "\(format.number(a.estimate)) [\(format.number(a.lower)), \(format.number(a.upper))]"
            }
            return [entry.mode?.rawValue ?? "all", "\(entry.units)", alpha] + entry.pairs.map { format.number($0.kappa) }
        }
        return (header, rows)
    }

    /// One line per judge and repeat: "llm:x asked again with the same seed: 9 of 10 verdicts agree (90 [60,98])".
    public static func consistency(_ panel: JudgePanel, format: Format) -> [String] {
        panel.consistency.map { entry in
            let how = entry.repeatKind == .sameSeed ? "the same seed" : "another seed"
            return "\(entry.judge) asked again with \(how): \(entry.agreeing) of \(entry.samples) verdicts agree "
                + "(\(format.rate(entry.share)))"
        }
    }

    /// The sentence that says what the agreement figures are computed from.
    public static let agreementNote =
        "Agreement over the samples every judge judged (failed answers left out), on the full verdict category "
        + "(recognised, missed, refused, unparseable): Krippendorff's alpha (nominal) with a percentile bootstrap "
        + "interval over samples, and Cohen's kappa for each pair of judges."
}
