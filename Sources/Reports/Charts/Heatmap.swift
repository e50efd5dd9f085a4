/// A matrix of values in [0, 1] as coloured cells (white → dark blue) with the value written in each cell; a
/// missing value is a plain grey cell marked "n/a". Rows and columns carry labels (e.g. spaces × spaces).
///
/// Each cell is a `rect` with `class="cell"`, `data-row`, `data-column` and `data-value` (empty for n/a).
public struct Heatmap: Sendable {
    public var title: String
    public var description: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// `values[row][column]`.
    public var values: [[Double?]]
    /// The values mapped to the ends of the colour ramp.
    public var domain: ClosedRange<Double>
    /// How values are written in cells.
    public var format: @Sendable (Double) -> String

    /// Creates a heatmap.
    public init(title: String, description: String, rowLabels: [String], columnLabels: [String], values: [[Double?]],
                domain: ClosedRange<Double> = 0...1, format: @escaping @Sendable (Double) -> String = ChartFormat.decimal) {
        self.title = title
        self.description = description
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.domain = domain
        self.format = format
    }

    /// The heatmap as an `<svg>` element; `id` must be unique in the page.
    public func svg(id: String) -> String {
        let cell = 54.0
        let longestRow = rowLabels.map(\.count).max() ?? 0
        let longestColumn = columnLabels.map(\.count).max() ?? 0
        let left = min(200, Double(longestRow) * 6.6 + 12)
        let top = min(160, Double(longestColumn) * 4.7 + 16)
        let width = left + Double(columnLabels.count) * cell + 8
        let height = top + Double(rowLabels.count) * cell + 8
        var canvas = SVGCanvas(width: width, height: height)
        let span = domain.upperBound - domain.lowerBound
        for (columnIndex, label) in columnLabels.enumerated() {
            let x = left + (Double(columnIndex) + 0.5) * cell
            canvas.text(ChartFormat.truncate(label, to: 30), x: x, y: top - 6, anchor: "start", size: 10,
                        attributes: [("transform", "rotate(-35 \(SVGCanvas.number(x)) \(SVGCanvas.number(top - 6)))")])
        }
        for (rowIndex, label) in rowLabels.enumerated() {
            let y = top + Double(rowIndex) * cell
            canvas.text(ChartFormat.truncate(label, to: 30), x: left - 6, y: y + cell / 2 + 4, anchor: "end", size: 10)
            for (columnIndex, column) in columnLabels.enumerated() {
                let x = left + Double(columnIndex) * cell
                let value = rowIndex < values.count && columnIndex < values[rowIndex].count ? values[rowIndex][columnIndex] : nil
                let attributes: [(String, String?)] = [("class", "cell"), ("data-row", label), ("data-column", column),
                                                       ("data-value", SVGCanvas.dataValue(value))]
                guard let value, value.isFinite else {
                    canvas.rect(x: x + 1, y: y + 1, width: cell - 2, height: cell - 2, fill: "#EEEEEE", stroke: "#BBBBBB",
                                attributes: attributes, tooltip: "\(label) × \(column): n/a")
                    canvas.text("n/a", x: x + cell / 2, y: y + cell / 2 + 4, anchor: "middle", size: 10, fill: ChartPalette.axis)
                    continue
                }
                let t = span > 0 ? (value - domain.lowerBound) / span : 0
                canvas.rect(x: x + 1, y: y + 1, width: cell - 2, height: cell - 2, fill: ChartPalette.ramp(t),
                            stroke: "#BBBBBB", attributes: attributes, tooltip: "\(label) × \(column): \(format(value))")
                canvas.text(format(value), x: x + cell / 2, y: y + cell / 2 + 4, anchor: "middle", size: 11,
                            fill: ChartPalette.textColour(onRamp: t))
            }
        }
        return canvas.svg(id: id, kind: "heatmap", title: title, description: description)
    }
}
