import BrowserTesting
import Foundation
import Probes
import Reports
import Runs
import Testing
import Viewer

/// Runs blocking work (a browser run) off the concurrency pool, which the server in this process needs.
private func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

/// Loads `path` of the viewer in headless Chromium, letting the app's requests finish, with a screenshot.
private func render(_ server: ViewerServer.Running, _ path: String, screenshot: URL? = nil) async throws -> PageLoad {
    let browser = try HeadlessBrowser.locate()
    let url = try #require(URL(string: path, relativeTo: server.url)?.absoluteURL)
    return try await offPool { try browser.load(url: url, virtualTimeBudgetMilliseconds: 10_000, screenshot: screenshot) }
}

@Suite("Viewer in a real browser", .serialized)
struct ViewerBrowserTests {
    @Test("the runs table and a run's filtered items are rendered by the app, without console messages")
    func runsAndItems() async throws {
        let root = try temporaryDirectory("browser")
        let first = try storeFixtureRun(in: root.appendingPathComponent("one"), seed: 1)
        let second = try storeFixtureRun(in: root.appendingPathComponent("two"), seed: 2)
        try await withServer(ViewerServer(directory: root, port: 0)) { server in
            let shot = root.appendingPathComponent("runs.png")
            let page = try await render(server, "/#/", screenshot: shot)
            #expect(page.consoleMessages.isEmpty, "\(page.consoleMessages)")
            let document = page.document()
            let table = try #require(document.element(id: "runs"))
            let rows = table.elements(named: "tr").compactMap { $0[attribute: "data-run"] }
            #expect(Set(rows) == [first.runID, second.runID])
            let picture = try #require(page.screenshot)
            #expect(picture.width == 1280 && picture.height == 900 && picture.byteCount > 10_000)

            // One value's implicit items of the first run: the rows the store lists, in its order.
            let value = first.plan[0].value
            let itemsPage = try await render(server, "/#/run/\(first.runID)?value=\(value)&mode=implicit")
            #expect(itemsPage.consoleMessages.isEmpty, "\(itemsPage.consoleMessages)")
            let items = try #require(itemsPage.document().element(id: "items"))
            let shown = items.elements(named: "tr").compactMap { $0[attribute: "data-item"] }
            let store = try RunStore.open(directory: root.appendingPathComponent("one"))
            let expected = try store.items(run: first.runID, filter: SampleFilter(value: value, mode: .implicit), limit: 50)
            #expect(!shown.isEmpty)
            #expect(shown == expected.rows.map(\.itemID))
            #expect(itemsPage.document().element(id: "values") != nil)
            // The filter form shows the chosen value.
            let chosen = itemsPage.document().element(id: "filter-value")?.elements(named: "option")
                .first { $0[attribute: "selected"] != nil }
            #expect(chosen?[attribute: "value"] == value)
        }
    }

    @Test("a response carrying markup is shown as text: no script, image or handler reaches the DOM")
    func hostileResponseIsInert() async throws {
        let root = try temporaryDirectory("hostile")
        let run = try storeFixtureRun(in: root)
        let items = Array(NSOrderedSet(array: run.plan.map(\.itemID))) as? [String] ?? []
        let hostile = try #require(run.plan.first { $0.itemID == items[1] })
        try await withServer(ViewerServer(directory: root, port: 0)) { server in
            let model = hostile.model.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? hostile.model
            let page = try await render(server, "/#/run/\(run.runID)/item/\(hostile.itemID)?model=\(model)",
                                        screenshot: root.appendingPathComponent("item.png"))
            #expect(page.consoleMessages.isEmpty, "\(page.consoleMessages)")
            let document = page.document()
            let samples = try #require(document.element(id: "samples"))
            #expect(samples.elements(named: "article").count == run.plan.filter { $0.itemID == hostile.itemID && $0.model == hostile.model }.count)
            #expect(samples.text.contains(hostileResponse))
            // The only script is the app's own; no image, no inline handler anywhere.
            #expect(document.elements(named: "script").map { $0[attribute: "src"] } == ["/app.js"])
            #expect(document.elements(named: "img").isEmpty)
            #expect(document.root.descendants.allSatisfy { element in !element.attributes.keys.contains { $0.hasPrefix("on") } })
            // Rationales are text as well.
            #expect(samples.elements(named: "b").isEmpty)
            #expect(samples.text.contains("fixture rationale <b>"))
            #expect(page.screenshot != nil)
        }
    }

    @Test("the comparison page shows one row per compared value and measure of RunComparison")
    func comparison() async throws {
        let root = try temporaryDirectory("diff")
        let a = try storeFixtureRun(in: root.appendingPathComponent("a"), seed: 1)
        let b = try storeFixtureRun(in: root.appendingPathComponent("b"), seed: 2)
        let expected = try RunComparison.load(a: try RunStoreDataSource(directory: root.appendingPathComponent("a")),
                                              b: try RunStoreDataSource(directory: root.appendingPathComponent("b")))
        #expect(!expected.rows.isEmpty)
        try await withServer(ViewerServer(directory: root, port: 0)) { server in
            let page = try await render(server, "/#/diff?a=\(a.runID)&b=\(b.runID)")
            #expect(page.consoleMessages.isEmpty, "\(page.consoleMessages)")
            let table = try #require(page.document().element(id: "diff"))
            let measures = table.elements(named: "tr").compactMap { $0[attribute: "data-measure"] }
            #expect(measures == expected.rows.map(\.measure.rawValue))
        }
    }
}
