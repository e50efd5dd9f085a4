import Foundation
import Runs

/// Numbers as report pages write them (locale-independent): rates as whole percentages with their interval,
/// gaps in signed percentage points, p-values with sensible precision, "n/a" for missing values.
public enum ReportText {
    /// "85% [70, 95]".
    public static func rate(_ estimate: IntervalEstimate?) -> String {
        guard let estimate else { return "n/a" }
        return "\(ChartFormat.percent(estimate.estimate)) [\(percentNumber(estimate.lower)), \(percentNumber(estimate.upper))]"
    }

    /// "+25 pp [+10, +40]".
    public static func gap(_ estimate: IntervalEstimate?) -> String {
        guard let estimate else { return "n/a" }
        return "\(ChartFormat.points(estimate.estimate)) [\(signed(estimate.lower)), \(signed(estimate.upper))]"
    }

    /// "<0.001", "0.004", "0.12", "1".
    public static func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "n/a" }
        if p < 0.001 { return "<0.001" }
        if p < 0.01 { return String(format: "%.3f", p) }
        if p >= 0.995 { return "1" }
        return String(format: "%.2f", p)
    }

    /// Two decimals, or "n/a".
    public static func number(_ value: Double?, digits: Int = 2) -> String {
        guard let value, value.isFinite else { return "n/a" }
        return String(format: "%.\(digits)f", value)
    }

    static func percentNumber(_ value: Double) -> String { String(Int((value * 100).rounded())) }

    static func signed(_ value: Double) -> String {
        let points = Int((value * 100).rounded())
        return points > 0 ? "+\(points)" : String(points)
    }
}
