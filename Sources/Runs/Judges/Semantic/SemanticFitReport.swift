import Foundation
import Probes

/// The text `valueprobe judge fit` prints: per mode, the chosen settings and the train and dev figures.
public enum SemanticFitReport {
    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "—"
    }

    static func line(_ figures: SemanticHead.Figures) -> String {
        "n=\(figures.rows) BA=\(percent(figures.balancedAccuracy)) sens=\(percent(figures.sensitivity)) spec=\(percent(figures.specificity))"
    }

    /// The fit's summary.
    public static func text(head: SemanticHead, calibration: String, trainRows: Int, devRows: Int, out: String) -> String {
        var lines = [
            "semantic judge head → \(out)",
            "calibration \(calibration) (sha256 \(head.calibrationSHA256.prefix(16))…): \(trainRows) train rows (fit), \(devRows) dev rows (selection); test rows not read",
            "encoder \(head.encoder); exemplars sha256 \(head.exemplarsSHA256.prefix(16))…",
        ]
        for mode in head.modes {
            lines.append("\(mode.mode.rawValue): \(mode.featureSet) (\(mode.features.count) features), l2=\(mode.l2), threshold=\(mode.threshold)")
            lines.append("  train \(line(mode.train))")
            lines.append("  dev   \(line(mode.dev))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The test-split figures of the fitted head.
    public static func testText(figures: [ProbeMode: SemanticHead.Figures], rows: Int) -> String {
        var lines = ["test split (\(rows) rows; reported only, nothing chosen on them):"]
        for mode in ProbeMode.allCases {
            guard let f = figures[mode] else { continue }
            lines.append("  \(mode.rawValue): \(line(f))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
