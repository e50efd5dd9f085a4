/// A horizontal bar chart with interval whiskers: one band per group (a model, a value), one bar per series
/// (explicit, implicit, control) inside it. Bars start at zero, so negative values (gaps, differences) extend
/// left of a zero line. A missing value is written "n/a" instead of a bar, never drawn as zero.
///
/// Each bar is a `rect` with `class="bar"` and `data-group`, `data-series`, `data-value`, `data-lower`,
/// `data-upper` attributes (six decimals), so tests and scripts can read the plotted numbers back.
public struct IntervalBarChart: Sendable {
    /// One series: its name (legend, tooltips) and colour.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var colour: String
        /// Creates a series.
        public init(name: String, colour: String) {
            self.name = name
            self.colour = colour
        }
    }

    /// A bar's value with its interval; nil value = not available.
    public struct Bar: Sendable, Equatable {
        public var value: Double?
        public var lower: Double?
        public var upper: Double?
        /// Creates a bar.
        public init(value: Double?, lower: Double? = nil, upper: Double? = nil) {
            self.value = value
            self.lower = lower
            self.upper = upper
        }
    }

    /// One band: a label and one bar per series (in series order; missing trailing bars count as n/a).
    public struct Group: Sendable, Equatable {
        public var label: String
        public var bars: [Bar]
        /// Creates a group.
        public init(label: String, bars: [Bar]) {
            self.label = label
            self.bars = bars
        }
    }

    public var title: String
    public var description: String
    public var series: [Series]
    public var groups: [Group]
    /// The axis's extent (default 0…1, proportions).
    public var domain: ClosedRange<Double>
    /// How values are written on bars and the axis.
    public var format: @Sendable (Double) -> String
    /// Width of the label column.
    public var labelWidth: Double
    /// Total width.
    public var width: Double

    /// A chart; `format` defaults to whole percentages.
    public init(title: String, description: String, series: [Series], groups: [Group],
                domain: ClosedRange<Double> = 0...1, labelWidth: Double = 150, width: Double = 560,
                format: @escaping @Sendable (Double) -> String = ChartFormat.percent) {
        self.title = title
        self.description = description
        self.series = series
        self.groups = groups
        self.domain = domain
        self.format = format
        self.labelWidth = labelWidth
        self.width = width
    }

    static let barHeight = 14.0
    static let barGap = 3.0
    static let groupGap = 12.0
    static let top = 28.0
    static let axisHeight = 26.0

    /// The chart as an `<svg>` element; `id` must be unique in the page.
    public func svg(id: String) -> String {
        let barsPerGroup = max(1, series.count)
        let bandHeight = Double(barsPerGroup) * (Self.barHeight + Self.barGap) - Self.barGap
        let height = Self.top + Double(groups.count) * (bandHeight + Self.groupGap) + Self.axisHeight
        var canvas = SVGCanvas(width: width, height: height)
        let plotLeft = labelWidth
        let plotRight = width - 56
        let scale = LinearScale(domain: domain, range: plotLeft...plotRight)
        let plotBottom = height - Self.axisHeight

        // Legend.
        var legendX = plotLeft
        for entry in series {
            canvas.rect(x: legendX, y: 6, width: 12, height: 12, fill: entry.colour, attributes: [("class", "legend-key")])
            canvas.text(entry.name, x: legendX + 16, y: 16, size: 11)
            legendX += 24 + Double(entry.name.count) * 6.5
        }

        // Grid and axis.
        for tick in scale.ticks(count: 5) {
            let x = scale.position(tick)
            canvas.line(x1: x, y1: Self.top - 4, x2: x, y2: plotBottom, stroke: tick == 0 ? ChartPalette.axis : ChartPalette.grid,
                        width: tick == 0 ? 1.2 : 1)
            canvas.text(format(tick), x: x, y: plotBottom + 16, anchor: "middle", size: 10, fill: ChartPalette.axis)
        }

        let zero = scale.position(min(max(0, domain.lowerBound), domain.upperBound))
        for (groupIndex, group) in groups.enumerated() {
            let bandTop = Self.top + Double(groupIndex) * (bandHeight + Self.groupGap)
            // Bold 11 px text runs up to about 7.4 px a character: the label fits its column, its start and end
            // kept (model specs differ at the end), the full label on hover.
            let shown = ChartFormat.truncateMiddle(group.label, to: Int((labelWidth - 10) / 7.4))
            canvas.text(shown, x: labelWidth - 8, y: bandTop + bandHeight / 2 + 4, anchor: "end", size: 11,
                        weight: "600", attributes: [("class", "group-label")],
                        tooltip: shown == group.label ? nil : group.label)
            for (seriesIndex, entry) in series.enumerated() {
                let bar = seriesIndex < group.bars.count ? group.bars[seriesIndex] : Bar(value: nil)
                let y = bandTop + Double(seriesIndex) * (Self.barHeight + Self.barGap)
                guard let value = bar.value, value.isFinite else {
                    canvas.text("n/a", x: zero + 4, y: y + Self.barHeight - 3, size: 10, fill: ChartPalette.axis,
                                attributes: [("class", "bar-missing"), ("data-group", group.label), ("data-series", entry.name)])
                    continue
                }
                let end = scale.position(value)
                var tooltip = "\(group.label), \(entry.name): \(format(value))"
                if let lower = bar.lower, let upper = bar.upper {
                    tooltip += " [\(format(lower)), \(format(upper))]"
                }
                canvas.rect(x: min(zero, end), y: y, width: abs(end - zero), height: Self.barHeight, fill: entry.colour,
                            attributes: [("class", "bar"), ("data-group", group.label), ("data-series", entry.name),
                                         ("data-value", SVGCanvas.dataValue(value)),
                                         ("data-lower", SVGCanvas.dataValue(bar.lower)),
                                         ("data-upper", SVGCanvas.dataValue(bar.upper))],
                            tooltip: tooltip)
                var labelX = max(end, zero) + 4
                if let lower = bar.lower, let upper = bar.upper, lower.isFinite, upper.isFinite {
                    let x1 = scale.position(lower)
                    let x2 = scale.position(upper)
                    let middle = y + Self.barHeight / 2
                    canvas.line(x1: x1, y1: middle, x2: x2, y2: middle, stroke: ChartPalette.black, width: 1.3,
                                attributes: [("class", "whisker")])
                    canvas.line(x1: x1, y1: middle - 4, x2: x1, y2: middle + 4, stroke: ChartPalette.black, width: 1.3)
                    canvas.line(x1: x2, y1: middle - 4, x2: x2, y2: middle + 4, stroke: ChartPalette.black, width: 1.3)
                    labelX = max(labelX, x2 + 4)
                }
                canvas.text(format(value), x: min(labelX, width - 2), y: y + Self.barHeight - 3,
                            anchor: labelX > width - 40 ? "end" : "start", size: 10, fill: "#111")
            }
        }
        return canvas.svg(id: id, kind: "interval-bars", title: title, description: description)
    }
}
