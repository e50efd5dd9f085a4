import Foundation
import Runs

/// A run comparison as an aligned text table (terminals) or a Markdown document.
public enum RunComparisonText {
    /// The column names of both tables.
    public static let header = ["value", "measure", "items", "A", "B", "Δ (A − B)", "interval", "McNemar p", "b / c"]

    /// The rows as text cells.
    public static func cells(_ comparison: RunComparison) -> [[String]] {
        comparison.rows.map { row in
            [row.value ?? "all values", row.measure.rawValue, String(row.items), ChartFormat.percent(row.rateA),
             ChartFormat.percent(row.rateB), ChartFormat.points(row.delta.estimate),
             "[\(ReportText.signed(row.delta.lower)), \(ReportText.signed(row.delta.upper))]",
             ReportText.pValue(row.mcnemar?.pValue), row.mcnemar.map { "\($0.b) / \($0.c)" } ?? "n/a"]
        }
    }

    static func sideLine(_ name: String, _ side: RunComparison.Side) -> String {
        "\(name): run \(side.runID.isEmpty ? "(unnamed)" : side.runID), model \(side.model), suite \(side.suiteID.isEmpty ? "n/a" : side.suiteID)"
    }

    static func explanation(_ comparison: RunComparison, ascii: Bool = false) -> String {
        let confidence = Int((comparison.options.confidence * 100).rounded())
        return "\(comparison.sharedItems) items labelled in both runs. Rates: mean item rates in percent over the paired items; "
            + "\(ascii ? "delta" : "Δ") in percentage points with a \(confidence)% paired bootstrap interval over items (B = \(comparison.options.bootstrapReplicates)); "
            + "McNemar on item majorities (b: recognised in A only, c: in B only). For control items lower is better."
    }

    /// The aligned table for a terminal (ASCII, column widths fitted to the content).
    public static func table(_ comparison: RunComparison) -> String {
        var lines = [sideLine("A", comparison.a), sideLine("B", comparison.b), explanation(comparison, ascii: true), ""]
        let rows = cells(comparison)
        let asciiHeader = header.map { $0.replacingOccurrences(of: "Δ", with: "delta").replacingOccurrences(of: "−", with: "-") }
        var widths = asciiHeader.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return index < 2 ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        lines.append(line(asciiHeader))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in rows { lines.append(line(row)) }
        for warning in comparison.warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The comparison as Markdown.
    public static func markdown(_ comparison: RunComparison) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
        }
        var lines = ["# ValueProbe comparison", "", "- \(cell(sideLine("A", comparison.a)))", "- \(cell(sideLine("B", comparison.b)))",
                     "", cell(explanation(comparison)), "", "| " + header.joined(separator: " | ") + " |",
                     "|" + String(repeating: " --- |", count: header.count)]
        for row in cells(comparison) {
            lines.append("| " + row.map(cell).joined(separator: " | ") + " |")
        }
        if !comparison.warnings.isEmpty {
            lines += ["", "## Warnings", ""] + comparison.warnings.map { "- \(cell($0))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The comparison as JSON (sorted keys, pretty-printed).
    public static func json(_ comparison: RunComparison) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(comparison)
    }
}
