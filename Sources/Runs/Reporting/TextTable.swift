/// A plain-text table with aligned columns that fits a width: the first column is shortened (ending in "...")
/// when the table would be wider than `maximumWidth`. ASCII separators only, so it reads without colour.
struct TextTable {
    var header: [String]
    var rows: [[String]]
    /// Spaces between columns.
    var gap = 2

    func render(maximumWidth: Int) -> [String] {
        let count = header.count
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.prefix(count).enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        let total = widths.reduce(0, +) + gap * max(0, count - 1)
        if total > maximumWidth, count > 0 {
            widths[0] = max(4, widths[0] - (total - maximumWidth))
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for index in 0..<count {
                let cell = index < cells.count ? cells[index] : ""
                let fitted = ReportFormat.truncate(cell, to: widths[index])
                parts.append(index == count - 1 ? fitted : ReportFormat.pad(fitted, widths[index]))
            }
            let text = parts.joined(separator: String(repeating: " ", count: gap))
            return ReportFormat.truncate(String(text.reversed().drop { $0 == " " }.reversed()), to: maximumWidth)
        }
        var lines = [line(header)]
        lines.append(ReportFormat.truncate(widths.map { String(repeating: "-", count: $0) }
            .joined(separator: String(repeating: " ", count: gap)), to: maximumWidth))
        for row in rows { lines.append(line(row)) }
        return lines
    }
}
