import Foundation

/// Number formats of charts and tables (locale-independent).
public enum ChartFormat {
    /// A proportion as a whole percentage: 0.853 → "85%".
    @Sendable public static func percent(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        return "\(Int((value * 100).rounded()))%"
    }

    /// A difference of proportions in signed percentage points: 0.25 → "+25 pp".
    @Sendable public static func points(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        let points = Int((value * 100).rounded())
        return (points > 0 ? "+\(points)" : "\(points)") + " pp"
    }

    /// A number with two decimals: "0.53".
    @Sendable public static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "n/a" }
        return String(format: "%.2f", value)
    }

    /// `text` cut to `width` characters with an ellipsis.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard text.count > width, width > 1 else { return text }
        return String(text.prefix(width - 1)) + "…"
    }

    /// `text` cut to `width` characters with an ellipsis in the middle, keeping its start and its end — where model
    /// specs differ ("openai-compatible:http://…v1#model-a" and "…#model-b" stay apart).
    public static func truncateMiddle(_ text: String, to width: Int) -> String {
        guard text.count > width, width > 2 else { return truncate(text, to: width) }
        let tail = (width - 1) / 2, head = width - 1 - tail
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }
}
