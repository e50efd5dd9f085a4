import Foundation

/// Builds one SVG chart: shapes and text with escaped attributes, wrapped in an `<svg>` element that carries an
/// accessible name (`<title>`) and description (`<desc>`), `role="img"` and a `viewBox`, so it scales to its
/// container (CSS `width: 100%`).
public struct SVGCanvas: Sendable {
    /// Width of the coordinate system.
    public let width: Double
    /// Height of the coordinate system.
    public let height: Double
    private var body = ""

    /// A canvas of `width` × `height` user units.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Appends a rectangle; `tooltip` becomes a `<title>` child (shown on hover, read by screen readers).
    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                              stroke: String? = nil, attributes: [(String, String?)] = [], tooltip: String? = nil) {
        var all: [(String, String?)] = [("x", SVGCanvas.number(x)), ("y", SVGCanvas.number(y)),
                                        ("width", SVGCanvas.number(max(0, width))), ("height", SVGCanvas.number(max(0, height))),
                                        ("fill", fill), ("stroke", stroke)]
        all += attributes
        element("rect", all, tooltip: tooltip)
    }

    /// Appends a line.
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                              dash: String? = nil, attributes: [(String, String?)] = []) {
        element("line", [("x1", SVGCanvas.number(x1)), ("y1", SVGCanvas.number(y1)), ("x2", SVGCanvas.number(x2)),
                         ("y2", SVGCanvas.number(y2)), ("stroke", stroke), ("stroke-width", SVGCanvas.number(width)),
                         ("stroke-dasharray", dash)] + attributes)
    }

    /// Appends a circle.
    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil,
                                attributes: [(String, String?)] = [], tooltip: String? = nil) {
        element("circle", [("cx", SVGCanvas.number(cx)), ("cy", SVGCanvas.number(cy)), ("r", SVGCanvas.number(r)),
                           ("fill", fill), ("stroke", stroke)] + attributes, tooltip: tooltip)
    }

    /// Appends escaped text. `anchor` is `start`, `middle` or `end`.
    /// Appends a text; `tooltip` (e.g. the full text of a shortened label) is shown on hover.
    public mutating func text(_ text: String, x: Double, y: Double, anchor: String = "start", size: Double = 11,
                              fill: String = "#222", weight: String? = nil, attributes: [(String, String?)] = [],
                              tooltip: String? = nil) {
        body += "<text" + HTMLBuilder.attributes([
            ("x", SVGCanvas.number(x)), ("y", SVGCanvas.number(y)), ("text-anchor", anchor),
            ("font-size", SVGCanvas.number(size)), ("fill", fill), ("font-weight", weight),
        ] + attributes) + ">" + (tooltip.map { "<title>" + HTMLEscaping.escape($0) + "</title>" } ?? "")
            + HTMLEscaping.escape(text) + "</text>"
    }

    /// Appends an element without content, or with a `<title>` tooltip.
    public mutating func element(_ name: String, _ attributes: [(String, String?)], tooltip: String? = nil) {
        if let tooltip {
            body += "<\(name)" + HTMLBuilder.attributes(attributes) + "><title>" + HTMLEscaping.escape(tooltip) + "</title></\(name)>"
        } else {
            body += "<\(name)" + HTMLBuilder.attributes(attributes) + "/>"
        }
    }

    /// Opens a group (`<g>`); close it with ``closeGroup()``.
    public mutating func openGroup(_ attributes: [(String, String?)] = []) {
        body += "<g" + HTMLBuilder.attributes(attributes) + ">"
    }

    /// Closes the innermost group.
    public mutating func closeGroup() { body += "</g>" }

    /// The finished `<svg>` element. `id` must be unique in the page (the title and description ids derive from it);
    /// `kind` is written as `data-chart` so that tests and scripts can find charts by kind.
    /// With `naturalSize`, the chart never grows beyond its own width (small charts such as a 2 × 2 heatmap).
    public func svg(id: String, kind: String, title: String, description: String, naturalSize: Bool = false) -> String {
        let titleID = "\(id)-title"
        let descriptionID = "\(id)-desc"
        return "<svg" + HTMLBuilder.attributes([
            ("xmlns", "http://www.w3.org/2000/svg"), ("id", id), ("class", "chart"), ("data-chart", kind),
            ("style", naturalSize ? "max-width: \(SVGCanvas.number(width))px" : nil),
            ("viewBox", "0 0 \(SVGCanvas.number(width)) \(SVGCanvas.number(height))"),
            ("width", SVGCanvas.number(width)), ("height", SVGCanvas.number(height)),
            ("role", "img"), ("aria-labelledby", "\(titleID) \(descriptionID)"),
            ("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"),
        ]) + "><title id=\"\(HTMLEscaping.attribute(titleID))\">" + HTMLEscaping.escape(title) + "</title>"
            + "<desc id=\"\(HTMLEscaping.attribute(descriptionID))\">" + HTMLEscaping.escape(description) + "</desc>"
            + body + "</svg>"
    }

    /// A coordinate with at most two decimals and no trailing zeros ("12", "12.5", "-3.25").
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(format: "%.2f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A data value for a `data-*` attribute: up to six decimals, or empty for nil.
    public static func dataValue(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.6f", value)
    }
}
