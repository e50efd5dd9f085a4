import BrowserTesting
import Foundation
import Probes
import Reports
import Runs
import Statistics
import Testing

/// Per item (recognised, labelled) of one model in a fixture, from the fixture's own record.
private func itemCounts(_ fixture: FixtureRun, model: String) -> [String: (value: String, mode: ProbeMode, recognised: Int, labelled: Int)] {
    var counts: [String: (value: String, mode: ProbeMode, recognised: Int, labelled: Int)] = [:]
    for sample in fixture.plan where sample.model == model {
        guard let category = fixture.outcome[sample.key].flatMap({ $0 }), category.isLabelled else { continue }
        var entry = counts[sample.itemID] ?? (sample.value, sample.mode, 0, 0)
        entry.labelled += 1
        if category == .recognised { entry.recognised += 1 }
        counts[sample.itemID] = entry
    }
    return counts
}

/// Two-sided exact binomial McNemar p: min(1, 2 · P(X ≤ min(b, c))), X ~ Bin(b + c, ½).
private func exactMcNemar(b: Int, c: Int) -> Double {
    let n = b + c
    guard n > 0 else { return 1 }
    var total = 0.0
    var coefficient = 1.0
    for k in 0...min(b, c) {
        if k > 0 { coefficient = coefficient * Double(n - k + 1) / Double(k) }
        total += coefficient
    }
    return min(1, 2 * total / pow(2, Double(n)))
}

/// Percentile interval of an item bootstrap of Δ, drawn as the report documents it: B replicates, items drawn
/// with `SeededGenerator.nextInt(below:)` from seed `StatisticSeed.seed(base:label:)`, type-7 quantiles.
private func bootstrapInterval(_ pairs: [(Double, Double)], replicates: Int, seed: UInt64, confidence: Double) -> (Double, Double) {
    var generator = SeededGenerator(seed: seed)
    var statistics: [Double] = []
    for _ in 0..<replicates {
        var a = 0.0, b = 0.0
        for _ in pairs.indices {
            let pick = pairs[generator.nextInt(below: pairs.count)]
            a += pick.0
            b += pick.1
        }
        statistics.append((a - b) / Double(pairs.count))
    }
    statistics.sort()
    func quantile(_ q: Double) -> Double {
        let position = Double(statistics.count - 1) * q
        let low = Int(position.rounded(.down))
        let high = min(low + 1, statistics.count - 1)
        return statistics[low] + (position - Double(low)) * (statistics[high] - statistics[low])
    }
    return (quantile((1 - confidence) / 2), quantile((1 + confidence) / 2))
}

@Suite("Run comparison")
struct RunComparisonTests {
    @Test("Δ, intervals and McNemar per value and overall equal an independent computation")
    func numbers() throws {
        let runA = try makeFixtureRun("diff-a", models: ["ollama:alpha"], samples: 4, salt: 11)
        let runB = try makeFixtureRun("diff-b", models: ["ollama:beta"], samples: 4, salt: 23)
        let options = MetricOptions(bootstrapReplicates: 300, seed: 5, confidence: 0.9)
        let comparison = try RunComparison.load(a: try runA.source(), b: try runB.source(), options: options)
        #expect(comparison.a.model == "ollama:alpha" && comparison.b.model == "ollama:beta")
        #expect(comparison.a.runID == runA.runID && comparison.b.runID == runB.runID)

        let countsA = itemCounts(runA, model: "ollama:alpha")
        let countsB = itemCounts(runB, model: "ollama:beta")
        // Hinted items (hint-ladder levels 1 and 2) are left out, as in the run summary.
        let hinted = Set(runA.suite.allItems.filter(\.item.isHinted).map(\.item.id))
        #expect(hinted.count == 48)  // 24 scenarios × 2 hinted requests
        let shared = Set(countsA.keys).intersection(countsB.keys).subtracting(hinted)
        #expect(comparison.sharedItems == shared.count)
        let values = Set(shared.compactMap { countsA[$0]?.value })
        // Rows: every value with items of a measure, then all values together.
        var expectedRows = 0
        for value in Array(values).map(Optional.some) + [nil] {
            for measure in ComparisonMeasure.allCases {
                let ids = shared.filter { id in
                    guard let entry = countsA[id] else { return false }
                    return measure.modes.contains(entry.mode) && (value == nil || entry.value == value)
                }.sorted()
                guard !ids.isEmpty else { continue }
                expectedRows += 1
                let row = try #require(comparison.row(value: value, measure: measure), "\(value ?? "*") \(measure)")
                let pairs = ids.compactMap { id -> (Double, Double)? in
                    guard let a = countsA[id], let b = countsB[id] else { return nil }
                    return (Double(a.recognised) / Double(a.labelled), Double(b.recognised) / Double(b.labelled))
                }
                let meanA = pairs.map(\.0).reduce(0, +) / Double(pairs.count)
                let meanB = pairs.map(\.1).reduce(0, +) / Double(pairs.count)
                #expect(row.items == ids.count)
                #expect(abs(row.rateA - meanA) < 1e-12 && abs(row.rateB - meanB) < 1e-12)
                #expect(abs(row.delta.estimate - (meanA - meanB)) < 1e-12)
                #expect(row.delta.lower <= row.delta.estimate + 1e-12 && row.delta.estimate <= row.delta.upper + 1e-12)
                // The interval redrawn here, in suite order of the items.
                let order = runA.suite.allItems.map(\.item.id)
                let ordered = order.filter { ids.contains($0) }.compactMap { id -> (Double, Double)? in
                    guard let a = countsA[id], let b = countsB[id] else { return nil }
                    return (Double(a.recognised) / Double(a.labelled), Double(b.recognised) / Double(b.labelled))
                }
                let interval = bootstrapInterval(ordered, replicates: 300,
                                                 seed: StatisticSeed.seed(base: 5, label: "diff|\(value ?? "*")|\(measure.rawValue)"),
                                                 confidence: 0.9)
                #expect(abs(row.delta.lower - interval.0) < 1e-9 && abs(row.delta.upper - interval.1) < 1e-9)
                // McNemar on majorities, ties left out.
                var b = 0, c = 0, tied = 0
                for (a, bRate) in pairs {
                    if a == 0.5 || bRate == 0.5 {
                        tied += 1
                    } else if a > 0.5 && bRate < 0.5 {
                        b += 1
                    } else if a < 0.5 && bRate > 0.5 {
                        c += 1
                    }
                }
                #expect(row.tiedItems == tied)
                if pairs.count > tied {
                    let test = try #require(row.mcnemar)
                    #expect(test.b == b && test.c == c)
                    if b + c < 25 { #expect(abs(test.pValue - exactMcNemar(b: b, c: c)) < 1e-12) }
                } else {
                    #expect(row.mcnemar == nil)
                }
            }
        }
        #expect(comparison.rows.count == expectedRows)
        // Overall recognition pools explicit and implicit items of every value.
        let overall = try #require(comparison.row(value: nil, measure: .recognition))
        #expect(overall.items == shared.filter { [.explicit, .implicit].contains(countsA[$0]?.mode) }.count)
    }

    @Test("table, Markdown, JSON and HTML show the rows")
    func formats() throws {
        let runA = try makeFixtureRun("diff-fa", models: ["ollama:alpha"], samples: 2, salt: 3)
        let runB = try makeFixtureRun("diff-fb", models: ["ollama:beta"], samples: 2, salt: 4)
        let comparison = try RunComparison.load(a: try runA.source(), b: try runB.source(), options: fastOptions)
        let table = RunComparisonText.table(comparison)
        // Two run lines, the explanation, header and rule, the rows, the warnings (the blank line is not counted).
        #expect(table.split(separator: "\n").count == 3 + 2 + comparison.rows.count + comparison.warnings.count)
        #expect(table.allSatisfy { $0.isASCII })
        let markdown = RunComparisonText.markdown(comparison)
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }.count == 2 + comparison.rows.count)
        let decoded = try JSONDecoder().decode(RunComparison.self, from: try RunComparisonText.json(comparison))
        #expect(decoded == comparison)

        let document = HTMLDocument(parsing: RunComparisonHTML.render(comparison))
        let chart = try #require(document.element(id: "chart-comparison"))
        let recognition = comparison.rows.filter { $0.measure == .recognition }
        let bars = chart.elements(withClass: "bar")
        #expect(bars.count == recognition.count)
        for (bar, row) in zip(bars, recognition) {
            #expect(bar[attribute: "data-group"] == (row.value ?? "all values"))
            #expect(abs((Double(bar[attribute: "data-value"] ?? "") ?? .nan) - row.delta.estimate) < 1e-6)
        }
        let rows = try #require(document.element(id: "table-comparison")).elements(named: "tr").dropFirst()
        #expect(rows.count == comparison.rows.count)
    }

    @Test("models are matched by rule; unknown or ambiguous models are one-line errors")
    func matching() throws {
        #expect(try RunComparison.matchModels(["a"], ["b"], modelA: nil, modelB: nil) == ("a", "b"))
        #expect(try RunComparison.matchModels(["a", "b"], ["c", "b"], modelA: nil, modelB: nil) == ("b", "b"))
        #expect(try RunComparison.matchModels(["a", "b"], ["c", "d"], modelA: "a", modelB: "d") == ("a", "d"))
        #expect(try RunComparison.matchModels(["a", "b"], ["c"], modelA: "b", modelB: nil) == ("b", "c"))
        for (a, b, modelA) in [(["a", "b"], ["c", "d"], nil as String?), (["a"], ["b"], "x")] {
            do {
                _ = try RunComparison.matchModels(a, b, modelA: modelA, modelB: nil)
                Issue.record("expected an error for \(a) vs \(b)")
            } catch {
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test("real Chromium on a phone-sized screen: the comparison page renders, no console errors")
    func browser() throws {
        let browser = try HeadlessBrowser.locate()
        let runA = try makeFixtureRun("diff-ba", models: ["ollama:alpha"], samples: 2, salt: 5)
        let runB = try makeFixtureRun("diff-bb", models: ["ollama:beta"], samples: 2, salt: 6)
        let comparison = try RunComparison.load(a: try runA.source(), b: try runB.source(), options: fastOptions)
        let directory = try temporaryDirectory("browser-diff")
        let file = directory.appendingPathComponent("diff.html")
        try Data(RunComparisonHTML.render(comparison).utf8).write(to: file)
        let load = try browser.load(url: file, width: 390, height: 844, screenshot: directory.appendingPathComponent("diff.png"))
        #expect(load.consoleMessages.isEmpty, "\(load.consoleMessages)")
        let dom = load.document()
        #expect(dom.element(id: "chart-comparison")?.name == "svg")
        #expect(dom.element(id: "table-comparison")?.elements(named: "tr").count == comparison.rows.count + 1)
        let shot = try #require(load.screenshot)
        #expect(shot.width == 390 && shot.height == 844)
    }
}
