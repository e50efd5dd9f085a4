import Testing
@testable import Reports

@Suite("Chart labels")
struct ChartLabelTests {
    @Test("long labels keep their start and end, fit their column, and carry the full text on hover")
    func longLabels() {
        let a = "openai-compatible:http://127.0.0.1:8080/v1#model-alpha"
        let b = "openai-compatible:http://127.0.0.1:8080/v1#model-beta"
        let chart = IntervalBarChart(
            title: "t", description: "d", series: [.init(name: "explicit", colour: "#000")],
            groups: [.init(label: a, bars: [.init(value: 0.5)]), .init(label: b, bars: [.init(value: 0.4)]),
                     .init(label: "short", bars: [.init(value: 0.1)])],
            labelWidth: 220)
        let svg = chart.svg(id: "c")
        let shownA = ChartFormat.truncateMiddle(a, to: Int((220 - 10) / 7.4))
        let shownB = ChartFormat.truncateMiddle(b, to: Int((220 - 10) / 7.4))
        #expect(shownA != shownB && shownA.hasPrefix("openai-compat") && shownA.hasSuffix("model-alpha"))
        #expect(shownA.count <= 28 && shownA.contains("…"))
        #expect(svg.contains("<title>\(a)</title>\(shownA)</text>"))
        #expect(svg.contains(">short</text>") && !svg.contains("<title>short</title>"))
        #expect(ChartFormat.truncateMiddle("abcdefghij", to: 5) == "ab…ij")
        #expect(ChartFormat.truncateMiddle("abc", to: 5) == "abc")
    }
}
