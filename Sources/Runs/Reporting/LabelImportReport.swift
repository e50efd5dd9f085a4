/// What `valueprobe labels import` prints after the import: the judge against the imported labels per mode, and
/// per model the corrected rates per mode.
public enum LabelImportReport {
    /// The text, ending with a line break (empty when the summary has neither).
    public static func text(_ summary: RunSummary) -> String {
        var lines: [String] = []
        if let validity = summary.labelValidity {
            lines.append("judge \(validity.judge) against the imported labels, per mode:")
            for mode in validity.modes { lines.append("  \(mode.mode.rawValue): \(CorrectionText.validityLine(mode))") }
        }
        for model in summary.models where !model.judgeCorrection.isEmpty {
            lines.append("corrected rates for \(model.model) (raw and corrected in percent):")
            lines += TextTable(header: CorrectionText.header, rows: CorrectionText.rows(model.judgeCorrection))
                .render(maximumWidth: TerminalSummary.width).map { "  " + $0 }
            lines += CorrectionText.undefinedNotes(model.judgeCorrection).map { "  " + $0 }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
