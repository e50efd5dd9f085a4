import Foundation
import Probes

/// The text `valueprobe judge fit` prints: per mode, the chosen settings with their cross-validated and in-sample figures.
public enum SemanticFitReport {
    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "—"
    }

    static func line(_ figures: SemanticHead.Figures) -> String {
        "n=\(figures.rows) BA=\(percent(figures.balancedAccuracy)) sens=\(percent(figures.sensitivity)) spec=\(percent(figures.specificity))"
    }

    /// The fit's summary.
    public static func text(head: SemanticHead, rows: Int, out: String) -> String {
        var lines = ["semantic judge head → \(out)"]
        for source in head.calibration {
            lines.append("calibration \(source.path) (sha256 \(source.sha256.prefix(16))…): \(source.rows) rows")
        }
        lines.append("\(rows) rows, all used; settings chosen by \(head.crossValidation.folds)-fold cross-validation grouped by \(head.crossValidation.groupedBy), salts \(head.crossValidation.salts.map(String.init).joined(separator: ", ")); models fitted on all rows")
        lines.append("encoder \(head.encoder); exemplars sha256 \(head.exemplarsSHA256.prefix(16))…")
        for mode in head.modes {
            lines.append("\(mode.mode.rawValue): \(mode.featureSet) (\(mode.features.count) features), l2=\(mode.l2), threshold=\(mode.threshold)")
            lines.append("  cv    \(line(mode.cv))")
            lines.append("  train \(line(mode.train)) (in-sample)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
