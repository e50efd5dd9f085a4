/// Labelled points in two dimensions (e.g. a PCA projection of words), with both axes scaled to the data and
/// zero lines drawn when zero is in range.
///
/// Each point is a `circle` with `class="point"`, `data-label`, `data-x` and `data-y`.
public struct ScatterPlot: Sendable {
    /// A labelled point; `highlighted` points are drawn larger and in the accent colour.
    public struct Point: Sendable, Equatable {
        public var label: String
        public var x: Double
        public var y: Double
        public var highlighted: Bool
        /// Creates a point.
        public init(label: String, x: Double, y: Double, highlighted: Bool = false) {
            self.label = label
            self.x = x
            self.y = y
            self.highlighted = highlighted
        }
    }

    public var title: String
    public var description: String
    public var points: [Point]
    public var xLabel: String
    public var yLabel: String
    public var width: Double
    public var height: Double

    /// Creates a plot.
    public init(title: String, description: String, points: [Point], xLabel: String, yLabel: String,
                width: Double = 480, height: Double = 360) {
        self.title = title
        self.description = description
        self.points = points
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.width = width
        self.height = height
    }

    /// The plot as an `<svg>` element; `id` must be unique in the page.
    public func svg(id: String) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        let xs = finite.map(\.x)
        let ys = finite.map(\.y)
        func padded(_ values: [Double]) -> ClosedRange<Double> {
            guard let low = values.min(), let high = values.max() else { return -1...1 }
            let pad = max((high - low) * 0.12, 1e-9)
            return (low - pad)...(high + pad)
        }
        let left = 36.0, right = width - 12, top = 12.0, bottom = height - 32
        let xScale = LinearScale(domain: padded(xs), range: left...right)
        let yScale = LinearScale(domain: padded(ys), range: top...bottom)
        // y grows downwards on screen: flip.
        func screenY(_ y: Double) -> Double { top + bottom - yScale.position(y) }
        canvas.rect(x: left, y: top, width: right - left, height: bottom - top, fill: "none", stroke: ChartPalette.grid)
        if xScale.domain.contains(0) {
            canvas.line(x1: xScale.position(0), y1: top, x2: xScale.position(0), y2: bottom, stroke: ChartPalette.grid, dash: "3 3")
        }
        if yScale.domain.contains(0) {
            canvas.line(x1: left, y1: screenY(0), x2: right, y2: screenY(0), stroke: ChartPalette.grid, dash: "3 3")
        }
        canvas.text(xLabel, x: (left + right) / 2, y: height - 8, anchor: "middle", size: 11, fill: ChartPalette.axis)
        canvas.text(yLabel, x: 12, y: (top + bottom) / 2, anchor: "middle", size: 11, fill: ChartPalette.axis,
                    attributes: [("transform", "rotate(-90 12 \(SVGCanvas.number((top + bottom) / 2)))")])
        for point in finite {
            let x = xScale.position(point.x)
            let y = screenY(point.y)
            canvas.circle(cx: x, cy: y, r: point.highlighted ? 4.5 : 3, fill: point.highlighted ? ChartPalette.vermillion : ChartPalette.blue,
                          attributes: [("class", "point"), ("data-label", point.label), ("data-x", SVGCanvas.dataValue(point.x)),
                                       ("data-y", SVGCanvas.dataValue(point.y))],
                          tooltip: point.label)
            let anchor = x > right - 60 ? "end" : "start"
            canvas.text(point.label, x: anchor == "end" ? x - 6 : x + 6, y: y - 4, anchor: anchor, size: 10,
                        fill: point.highlighted ? "#111" : "#333", weight: point.highlighted ? "600" : nil)
        }
        return canvas.svg(id: id, kind: "scatter", title: title, description: description)
    }
}
