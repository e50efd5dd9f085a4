import BrowserTesting
import Foundation
import Probes
import Reports
import Runs
import Testing

/// The parsed HTML report of a fixture run, shared by the tests of this suite.
private struct RenderedReport {
    let fixture: FixtureRun
    let input: RunReportInput
    let html: String
    let document: HTMLDocument

    /// One fixture run rendered once for the tests that only read it.
    static let shared = Result { try RenderedReport("shared") }

    init(_ label: String) throws {
        fixture = try makeFixtureRun(label)
        input = try RunReportInput.load(source: try fixture.source(), options: fastOptions)
        html = RunReportHTML.render(input)
        document = HTMLDocument(parsing: html)
    }
}

/// The bars of the chart with id `chart`, by group and series.
private func bars(_ document: HTMLDocument, chart: String) throws -> [String: [String: HTMLElement]] {
    let svg = try #require(document.element(id: chart))
    var result: [String: [String: HTMLElement]] = [:]
    for bar in svg.elements(withClass: "bar") {
        result[bar[attribute: "data-group"] ?? "", default: [:]][bar[attribute: "data-series"] ?? ""] = bar
    }
    return result
}

/// Checks a bar's data attributes against an estimate (nil: the bar must be absent).
private func expectBar(_ bar: HTMLElement?, equals estimate: IntervalEstimate?, _ what: String) {
    guard let estimate else {
        #expect(bar == nil, "\(what): a bar is drawn for a missing value")
        return
    }
    guard let bar else {
        Issue.record("\(what): no bar")
        return
    }
    for (name, expected) in [("data-value", estimate.estimate), ("data-lower", estimate.lower), ("data-upper", estimate.upper)] {
        let value = Double(bar[attribute: name] ?? "") ?? .nan
        #expect(abs(value - expected) < 1e-6, "\(what) \(name): \(value) vs \(expected)")
    }
}

@Suite("Run report")
struct RunReportTests {
    @Test("HTML: every section, and the charts plot the summary's numbers")
    func sectionsAndNumbers() throws {
        let report = try RenderedReport.shared.get()
        let summary = report.input.summary
        let document = report.document
        for id in ["headline", "judge", "values", "items", "transcripts", "manifest"] {
            #expect(document.element(id: id)?.name == "section", "section \(id)")
        }
        // The judge section shows, per model × mode, exactly the summary's validity and corrected rates.
        for (index, model) in summary.models.enumerated() {
            let rows = try #require(document.element(id: "table-judge-\(index)")).elements(named: "tr").dropFirst()
            let expected = CorrectionText.rows(model.judgeCorrection)
            #expect(rows.count == expected.count)
            for (row, cells) in zip(rows, expected) {
                #expect(row.elements(named: "td").map { $0.text.trimmingCharacters(in: .whitespaces) } == cells)
            }
        }
        #expect(summary.models.count == 2)

        let rates = try bars(document, chart: "chart-headline-rates")
        let gaps = try bars(document, chart: "chart-headline-gap")
        for model in summary.models {
            expectBar(rates[model.model]?["explicit"], equals: model.headline.explicitRate, "\(model.model) explicit")
            expectBar(rates[model.model]?["implicit"], equals: model.headline.implicitRate, "\(model.model) implicit")
            expectBar(gaps[model.model]?.values.first, equals: model.headline.gap?.estimate, "\(model.model) gap")
        }
        // The headline table's cells are the summary's numbers as written.
        let headlineRows = try #require(document.element(id: "table-headline")).elements(named: "tr").dropFirst()
        #expect(headlineRows.count == summary.models.count)
        for (row, model) in zip(headlineRows, summary.models) {
            let cells = row.elements(named: "td").map(\.text)
            #expect(cells.first == model.model)
            #expect(cells.dropFirst().first == ReportText.rate(model.headline.explicitRate))
            #expect(cells.last == "\(model.counts.labelled) / \(model.counts.planned)")
        }

        for (index, model) in summary.models.enumerated() {
            let valueBars = try bars(document, chart: "chart-values-\(index)")
            #expect(!model.values.isEmpty)
            for value in model.values {
                expectBar(valueBars[value.value]?["explicit"], equals: value.explicit?.rate, "\(value.value) explicit")
                expectBar(valueBars[value.value]?["implicit"], equals: value.implicit?.rate, "\(value.value) implicit")
                expectBar(valueBars[value.value]?["control (false alarm)"], equals: value.control?.rate, "\(value.value) control")
            }
        }

        // The hint ladder plots the summary's recognition per level; the scenario table has one row per scenario.
        #expect(document.element(id: "experiment")?.name == "section")
        for (index, model) in summary.models.enumerated() {
            let ladder = try #require(model.ladder)
            #expect(ladder.levels.map(\.level) == [0, 1, 2, 3])
            let levelBars = try bars(document, chart: "chart-ladder-\(index)")
            for level in ladder.levels {
                expectBar(levelBars["\(level.level) \(level.name)"]?["recognition"], equals: level.metrics.rate,
                          "\(model.model) level \(level.level)")
            }
            let rows = try #require(document.element(id: "table-scenarios-\(index)")).elements(named: "tr").dropFirst()
            #expect(rows.count == model.scenarios.count && rows.count == 6)  // the quick plan: 2 scenarios per value
            #expect(rows.first?.elements(named: "td").first?.text == "k-dignity-canopy")
        }
    }

    @Test("HTML: variability strips show every sample's verdict; entropy and stability per item")
    func itemStrips() throws {
        let report = try RenderedReport.shared.get()
        let fixture = report.fixture
        for (modelIndex, model) in report.input.summary.models.enumerated() {
            let table = try #require(report.document.element(id: "table-items-\(modelIndex)"))
            let rows = table.elements(named: "tr").filter { $0[attribute: "data-item"] != nil }
            #expect(rows.count == model.items.count)
            for (row, item) in zip(rows, model.items) {
                #expect(row[attribute: "data-item"] == item.itemID)
                // The cells, in order, against the fixture's own record of each sample.
                let planned = fixture.plan.filter { $0.model == model.model && $0.itemID == item.itemID }
                    .sorted { ($0.variant, $0.sampleIndex) < ($1.variant, $1.sampleIndex) }
                let cells = row.elements(withClass: "cell")
                #expect(cells.count == planned.count)
                for (cell, sample) in zip(cells, planned) {
                    let expected = fixture.outcome[sample.key].flatMap { $0 }?.rawValue ?? ""
                    #expect(cell[attribute: "data-category"] == expected)
                    #expect(cell[attribute: "data-variant"] == String(sample.variant))
                }
                // Entropy: mean over prompts of the entropy (bits) of the recognised/missed labels.
                var entropies: [Double] = []
                for variant in Set(planned.map(\.variant)).sorted() {
                    let labels = planned.filter { $0.variant == variant }.compactMap { fixture.outcome[$0.key].flatMap { $0 } }
                        .filter(\.isLabelled)
                    guard !labels.isEmpty else { continue }
                    let p = Double(labels.filter { $0 == .recognised }.count) / Double(labels.count)
                    entropies.append([p, 1 - p].filter { $0 > 0 }.reduce(0) { $0 - $1 * log2($1) })
                }
                let cellsText = row.elements(named: "td").map(\.text)
                let expectedEntropy = entropies.isEmpty ? "n/a" : String(format: "%.2f", entropies.reduce(0, +) / Double(entropies.count))
                #expect(cellsText.count == 7)
                #expect(cellsText[5] == expectedEntropy, "\(item.itemID)")
                #expect(cellsText[6] == (item.stability?.rawValue ?? "n/a").replacingOccurrences(of: "_", with: " "))
            }
        }
    }

    @Test("HTML: transcripts of every answered sample, filter controls, and the manifest")
    func transcriptsAndManifest() throws {
        let report = try RenderedReport.shared.get()
        let document = report.document
        let answered = report.input.samples.filter { $0.response != nil }
        let articles = document.elements(named: "article")
        #expect(articles.count == answered.count)
        #expect(Set(articles.compactMap { $0[attribute: "data-sample-key"] }) == Set(answered.map(\.sample.key)))
        let example = try #require(answered.first { $0.verdict?.category == .missed })
        let article = try #require(articles.first { $0[attribute: "data-sample-key"] == example.sample.key })
        #expect(article[attribute: "data-model"] == example.sample.model)
        #expect(article[attribute: "data-value"] == example.sample.value)
        #expect(article[attribute: "data-mode"] == example.sample.mode.rawValue)
        #expect(article[attribute: "data-verdict"] == "missed")
        let prompt = try #require(report.input.suite.item(id: example.sample.itemID)?.allPrompts[example.sample.variant])
        #expect(article.elements(withClass: "prompt").first?.text == prompt)
        #expect(article.elements(withClass: "response").first?.text == example.response?.text)
        #expect(article.elements(withClass: "rationale").first?.text == example.verdict?.rationale)

        let form = try #require(document.elements(named: "form").first)
        let selects = form.elements(named: "select").map { $0[attribute: "name"] ?? "" }
        #expect(selects == ["model", "value", "mode", "verdict"])
        let modelOptions = form.elements(named: "select")[0].elements(named: "option").compactMap { $0[attribute: "value"] }
        #expect(modelOptions == [""] + report.input.summary.models.map(\.model))

        let manifest = try #require(document.element(id: "manifest")).text
        let stored = report.input.manifest
        for expected in [stored.runID, stored.suite.hash, stored.toolVersion, stored.seedDerivation, "ollama:alpha", "ollama:beta"] {
            #expect(manifest.contains(expected), "manifest shows \(expected)")
        }
        #expect(report.html.contains("Content-Security-Policy"))
        // No address a browser would fetch: the only URL is the SVG namespace name.
        let urls = report.html.components(separatedBy: "http://").dropFirst()
        #expect(!urls.isEmpty && urls.allSatisfy { $0.hasPrefix("www.w3.org/2000/svg\"") })
        #expect(!report.html.contains("https:") && !report.html.contains(" src=\"") && !report.html.contains("@import"))
    }

    @Test("model output is escaped: a hostile response and rationale stay text")
    func escaping() throws {
        let report = try RenderedReport.shared.get()
        let document = report.document
        #expect(document.elements(named: "img").isEmpty)
        let scripts = document.elements(named: "script")
        #expect(scripts.count == 1)
        #expect(scripts.allSatisfy { !$0.text.contains("alert") })
        #expect(!report.html.contains("<img"))
        #expect(!report.html.contains("<script>alert"))
        #expect(report.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let article = try #require(document.elements(named: "article").first { $0[attribute: "data-sample-key"] == report.fixture.hostileKey })
        #expect(article.elements(withClass: "response").first?.text == hostileText)
        #expect(article.elements(withClass: "rationale").first?.text == hostileText)
    }

    @Test("Markdown, CSV and JSON carry the same numbers")
    func otherFormats() throws {
        let input = try RenderedReport.shared.get().input
        let summary = input.summary

        let markdown = String(decoding: try RunReportRenderer.render(input, format: .md), as: UTF8.self)
        #expect(markdown.contains("## Run manifest"))
        #expect(markdown.contains(input.manifest.suite.hash))
        for model in summary.models {
            #expect(markdown.contains("## `\(model.model)`"))
        }

        let items = try CSVReader.records(String(decoding: try RunReportRenderer.render(input, format: .csv), as: UTF8.self))
        let header = try #require(items.first).map(\.text)
        #expect(items.count == 1 + summary.models.reduce(0) { $0 + $1.items.count })
        let rateColumn = try #require(header.firstIndex(of: "rate"))
        let itemColumn = try #require(header.firstIndex(of: "item_id"))
        for record in items.dropFirst() {
            let model = try #require(summary.models.first { $0.model == record[0].text })
            let item = try #require(model.items.first { $0.itemID == record[itemColumn].text })
            if let rate = item.rate?.estimate {
                #expect(abs((Double(record[rateColumn].text) ?? .nan) - rate) < 1e-6)
            } else {
                #expect(record[rateColumn].text.isEmpty)
            }
        }
        let values = try CSVReader.records(String(decoding: try RunReportRenderer.render(input, format: .csv, table: .values), as: UTF8.self))
        #expect(values.count == 1 + summary.models.reduce(0) { $0 + $1.values.count })
        let samples = try CSVReader.records(String(decoding: try RunReportRenderer.render(input, format: .csv, table: .samples), as: UTF8.self))
        #expect(samples.count == 1 + input.samples.filter { $0.response != nil }.count)

        let json = try RunReportRenderer.render(input, format: .json)
        struct Document: Decodable {
            var manifest: RunManifest
            var summary: RunSummary
        }
        let decoded = try JSONDecoder().decode(Document.self, from: json)
        #expect(decoded.summary == summary)
        #expect(decoded.manifest == input.manifest)
    }

    @Test("write(runDirectory:runID:) puts the rendered page at RUN_DIR/report.html; an unwritable place is a one-line error")
    func writesReportFile() throws {
        let fixture = try makeFixtureRun("write", models: ["ollama:alpha"], samples: 1)
        let file = try RunReportHTML.write(runDirectory: fixture.directory, runID: fixture.runID)
        #expect(file.lastPathComponent == "report.html" && file.deletingLastPathComponent().path == fixture.directory.path)
        let expected = RunReportHTML.render(try RunReportInput.load(source: try fixture.source()))
        #expect(try String(contentsOf: file, encoding: .utf8) == expected)

        // A directory where the page should go: writing fails without touching the store.
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
        #expect(throws: ReportError.self) { try RunReportHTML.write(runDirectory: fixture.directory, runID: fixture.runID) }
        #expect(try fixture.source().runID == fixture.runID)
    }

    @Test("a run is found by directory or by id under the runs folder; bad input is a one-line error")
    func locating() throws {
        let fixture = try makeFixtureRun("locate", models: ["ollama:alpha"], samples: 1)
        let byDirectory = try RunLocator.locate(fixture.directory.path)
        #expect(byDirectory.directory.path == fixture.directory.path && byDirectory.runID == nil)

        let runs = try temporaryDirectory("runs-folder")
        let named = runs.appendingPathComponent("khamassi2024-\(fixture.runID)")
        try FileManager.default.copyItem(at: fixture.directory, to: named)
        let byID = try RunLocator.locate(fixture.runID, runsFolder: runs)
        #expect(byID.directory.lastPathComponent == named.lastPathComponent && byID.runID == fixture.runID)
        #expect(try RunLocator.source(fixture.runID, runsFolder: runs).runID == fixture.runID)

        for bad in ["no-such-run", runs.path, "../x"] {
            #expect(throws: RunLocatorError.self) { try RunLocator.locate(bad, runsFolder: runs) }
        }
        do {
            _ = try RunLocator.locate("no-such-run", runsFolder: runs)
        } catch {
            #expect(!"\(error)".contains("\n"))
            #expect("\(error)".hasPrefix("no-such-run:"))
        }
    }

    @Test("real Chromium: the report renders its charts and tables, its script runs, no console errors, screenshots")
    func browser() throws {
        let browser = try HeadlessBrowser.locate()
        let report = try RenderedReport.shared.get()
        let directory = try temporaryDirectory("browser-report")
        let file = directory.appendingPathComponent("report.html")
        try Data(report.html.utf8).write(to: file)
        let load = try browser.load(url: file, width: 1280, height: 1800, screenshot: directory.appendingPathComponent("report.png"))
        #expect(load.consoleMessages.isEmpty, "\(load.consoleMessages)")
        let dom = load.document()
        let charts = dom.elements(named: "svg")
        #expect(charts.count == report.document.elements(named: "svg").count)
        // Headline rates and gap, then per model its values and its hint ladder.
        #expect(charts.filter { $0[attribute: "data-chart"] == "interval-bars" }.count == 2 + 2 * report.input.summary.models.count)
        #expect(charts.filter { $0[attribute: "data-chart"] == "strip" }.count == report.input.summary.models.reduce(0) { $0 + $1.items.count })
        #expect(dom.elements(named: "table").count == report.document.elements(named: "table").count)
        #expect(dom.elements(named: "img").isEmpty)
        // The filtering script ran under the page's content security policy: it showed the form and counted.
        let form = try #require(dom.elements(named: "form").first)
        #expect(form[attribute: "hidden"] == nil)
        let articles = dom.elements(named: "article").count
        #expect(form.elements(withClass: "filter-count").first?.text == "\(articles) of \(articles) shown")
        let shot = try #require(load.screenshot)
        #expect(shot.width == 1280 && shot.height == 1800 && shot.byteCount > 10_000)
    }
}

@Suite("Run report: several judges")
struct RunReportJudgesTests {
    @Test("HTML: the judges section shows every judge's rates, their agreement per mode and nothing without it")
    func judgesSection() throws {
        let fixture = try makeFixtureRun("judges", models: ["ollama:alpha"], samples: 2)
        let plain = HTMLDocument(parsing: RunReportHTML.render(try RunReportInput.load(source: try fixture.source(),
                                                                                      options: fastOptions)))
        #expect(plain.element(id: "judges") == nil)

        // A second judge that calls every answered, non-failed sample recognised.
        let store = try RunStore.open(directory: fixture.directory)
        let answered = try store.samples(run: fixture.runID).filter { $0.response != nil && $0.response?.error == nil }
        try store.saveVerdicts(answered.map { Verdict(sampleKey: $0.sample.key, judge: "judge-b", category: .recognised) })
        let input = try RunReportInput.load(source: try fixture.source(), options: fastOptions)
        let panel = try #require(input.summary.judgePanel)
        #expect(panel.judges == ["fake-judge", "judge-b"])
        let document = HTMLDocument(parsing: RunReportHTML.render(input))
        #expect(document.element(id: "judges")?.name == "section")
        let agreement = try #require(document.element(id: "table-judge-agreement"))
        #expect(agreement.elements(named: "tr").count == 1 + panel.agreement.count)
        #expect(panel.agreement.count == ProbeMode.allCases.count + 1)
        let judges = try #require(document.element(id: "table-judges"))
        #expect(judges.elements(named: "tr").count == 1 + 2)       // header + one row per judge (one model)
        #expect(judges.text.contains(ReportText.rate(panel.headlines[1].headline.explicitRate)))
    }
}
