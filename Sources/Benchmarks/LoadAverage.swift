import Foundation

/// The system's load average, printed with benchmark figures: other work on the machine skews them.
public enum LoadAverage {
    /// The 1-minute load average (nil where unknown).
    public static func current() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
              let first = text.split(separator: " ").first else { return nil }
        return Double(first)
    }
}
