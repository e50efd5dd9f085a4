import Runs

/// A variability strip: one coloured cell per sample of an item, in sampling order, the paraphrases side by side
/// with a gap between them. Green recognised, vermillion missed, yellow unparseable, sky refused, black failed,
/// white not yet judged (see ``ChartPalette/colour(of:)``); a glance shows whether the repeats agree.
///
/// Each cell is a `rect` with `class="cell"`, `data-variant`, `data-sample` and `data-category` (empty when not
/// judged).
public struct VerdictStrip: Sendable {
    /// The accessible name.
    public var title: String
    /// Per paraphrase (variant 0 first), the samples' verdict categories in sampling order.
    public var variants: [[VerdictCategory?]]

    /// Creates a strip.
    public init(title: String, variants: [[VerdictCategory?]]) {
        self.title = title
        self.variants = variants
    }

    static let cell = 11.0
    static let gap = 2.0
    static let variantGap = 8.0

    /// A sentence counting the categories, for the description.
    public var summaryText: String {
        let all = variants.flatMap { $0 }
        var parts: [String] = []
        for category in VerdictCategory.allCases {
            let count = all.filter { $0 == category }.count
            if count > 0 { parts.append("\(count) \(category.rawValue)") }
        }
        let pending = all.filter { $0 == nil }.count
        if pending > 0 { parts.append("\(pending) not judged") }
        let paraphrases = variants.count == 1 ? "1 prompt" : "\(variants.count) prompts"
        return "\(all.count) samples over \(paraphrases): " + (parts.isEmpty ? "none" : parts.joined(separator: ", ")) + "."
    }

    /// The strip as an `<svg>` element; `id` must be unique in the page.
    public func svg(id: String) -> String {
        var width = 0.0
        for (index, samples) in variants.enumerated() {
            width += Double(samples.count) * (Self.cell + Self.gap) - (samples.isEmpty ? 0 : Self.gap)
            if index < variants.count - 1 { width += Self.variantGap }
        }
        var canvas = SVGCanvas(width: max(width, Self.cell), height: Self.cell + 2)
        var x = 0.0
        for (variant, samples) in variants.enumerated() {
            for (index, category) in samples.enumerated() {
                let label = category?.rawValue ?? "not judged"
                canvas.rect(x: x, y: 1, width: Self.cell, height: Self.cell, fill: ChartPalette.colour(of: category),
                            stroke: category == nil || category == .unparseable ? ChartPalette.axis : nil,
                            attributes: [("class", "cell"), ("data-variant", String(variant)), ("data-sample", String(index)),
                                         ("data-category", category?.rawValue ?? "")],
                            tooltip: "prompt \(variant), sample \(index): \(label)")
                x += Self.cell + Self.gap
            }
            x += Self.variantGap - Self.gap
        }
        return canvas.svg(id: id, kind: "strip", title: title, description: summaryText)
    }
}
