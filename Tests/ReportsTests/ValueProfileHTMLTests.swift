import Foundation
import Statistics
import Testing
@testable import Reports
@testable import Runs

@Suite("Value profile page")
struct ValueProfileHTMLTests {
    static func estimate(_ value: Double, _ lower: Double, _ upper: Double) -> IntervalEstimate {
        IntervalEstimate(estimate: value, lower: lower, upper: upper, confidence: 0.95, method: .choiceT, units: 8)
    }

    static let profile = ValueProfile(
        model: "openai-compatible:http://127.0.0.1:8080/v1#smollm2",
        sources: [ValueProfile.Source(kind: "run", id: "abc", set: "values-core", directory: nil,
                                      measures: ["explicit", "implicit"], method: "judge semantic"),
                  ValueProfile.Source(kind: "prefs", id: "def", set: "outcomes-core", directory: nil,
                                      measures: ["utilities"], method: "sampled")],
        rows: [ValueProfileRow(value: "dignity", explicit: estimate(0.9, 0.8, 1), implicit: estimate(0.1, 0, 0.3),
                               falseAlarm: nil, choiceKept: nil,
                               utilityPreference: Interval(lower: 0.55, upper: 0.7, estimate: 0.62, confidence: 0.95),
                               belowExplicit: ["implicit", "utilities"]),
               ValueProfileRow(value: "privacy & <consent>", explicit: nil, implicit: nil, falseAlarm: nil,
                               choiceKept: nil, utilityPreference: nil, belowExplicit: [])])

    @Test("one chart with a series per measure some source gave, the table, the legend; text escaped")
    func page() {
        let html = ValueProfileHTML.render(Self.profile)
        #expect(html.hasPrefix("<!DOCTYPE html>") || html.lowercased().hasPrefix("<!doctype html>"))
        #expect(html.contains("<svg") && html.contains("id=\"value-profile\""))
        #expect(html.contains("says: explicit") && html.contains("notices: implicit") && html.contains("prefers: upholds"))
        // No source gave forced choices: no series for them in the chart's legend (the table keeps its column).
        let chart = String(html[html.range(of: "<svg")!.lowerBound ..< html.range(of: "</svg>")!.upperBound])
        #expect(!chart.contains("chooses: kept"))
        #expect(html.contains("90 [80,100]") && html.contains("implicit, utilities"))
        #expect(html.contains("privacy &amp; &lt;consent&gt;") && !html.contains("<consent>"))
        #expect(html.contains("openai-compatible:http://127.0.0.1:8080/v1#smollm2"))
        #expect(html.contains("preference run def (outcomes-core): utilities; sampled"))
    }
}
