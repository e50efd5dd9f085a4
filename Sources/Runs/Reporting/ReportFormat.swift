import Foundation

/// Number formatting shared by the reports (locale-independent, ASCII only).
enum ReportFormat {
    /// A proportion as a whole percentage: 0.853 → "85".
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "n/a" }
        return String(Int((value * 100).rounded()))
    }

    /// A proportion with its interval, in percent: "85 [70,95]".
    static func rate(_ estimate: IntervalEstimate?) -> String {
        guard let estimate else { return "n/a" }
        return "\(percent(estimate.estimate)) [\(percent(estimate.lower)),\(percent(estimate.upper))]"
    }

    /// A difference of proportions in percentage points, signed: "+55 [+30,+78]".
    static func signedPoints(_ value: Double) -> String {
        let points = Int((value * 100).rounded())
        return points > 0 ? "+\(points)" : String(points)
    }

    /// A gap with its interval: "+55 [+30,+78]".
    static func gap(_ estimate: IntervalEstimate?) -> String {
        guard let estimate else { return "n/a" }
        return "\(signedPoints(estimate.estimate)) [\(signedPoints(estimate.lower)),\(signedPoints(estimate.upper))]"
    }

    /// A p-value: "<0.001", "0.004", "0.11", "1".
    static func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "n/a" }
        if p < 0.001 { return "<0.001" }
        if p < 0.01 { return String(format: "%.3f", p) }
        if p >= 0.995 { return "1" }
        return String(format: "%.2f", p)
    }

    /// A plain number with `digits` decimals, or "n/a".
    static func number(_ value: Double?, digits: Int = 2) -> String {
        guard let value, value.isFinite else { return "n/a" }
        return String(format: "%.\(digits)f", value)
    }

    /// A number for CSV: six decimals, or empty for nil (never 0).
    static func csv(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.6f", value)
    }

    /// An optional boolean for CSV: "true", "false" or empty.
    static func csv(_ value: Bool?) -> String {
        value.map { $0 ? "true" : "false" } ?? ""
    }

    /// `text` cut to `width` characters, ending in "..." when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 3 else { return String(text.prefix(max(0, width))) }
        return String(text.prefix(width - 3)) + "..."
    }

    /// `text` padded with spaces to `width` (left-aligned), or right-aligned when `right`.
    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let gap = max(0, width - text.count)
        return right ? String(repeating: " ", count: gap) + text : text + String(repeating: " ", count: gap)
    }

    /// `text` broken at spaces into lines of at most `width` characters; continuation lines are indented by two
    /// spaces, and a word longer than a line is cut.
    static func wrap(_ text: String, to width: Int) -> [String] {
        guard text.count > width else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.count <= width {
                current = candidate
                continue
            }
            if current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = "  " + word
            }
            while current.count > width {
                lines.append(String(current.prefix(width)))
                current = "  " + current.dropFirst(width)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
