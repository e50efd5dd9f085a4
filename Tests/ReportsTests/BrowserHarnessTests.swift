import BrowserTesting
import Foundation
import Testing

/// The headless-browser harness itself, on small pages written by the test.
@Suite("Browser harness")
struct BrowserHarnessTests {
    @Test("HTML parser: nesting, attributes, entities, void and raw-text elements")
    func parser() throws {
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>A &amp; B</title>
            <style>p > b { color: red }</style></head>
            <body><p id=first class="x  y">one &lt;two&gt; &#x263A;<br>three</p><!-- <p>hidden</p> -->
            <svg viewBox="0 0 10 10"><rect width='5' height="5"/><title>chart</title></svg>
            <script>if (a < b && c > d) { document.write("<p>no</p>") }</script><p>four</p></body></html>
            """
        let document = HTMLDocument(parsing: html)
        let paragraphs = document.elements(named: "p")
        #expect(paragraphs.count == 2)
        let first = try #require(document.element(id: "first"))
        #expect(first.classes == ["x", "y"])
        #expect(first.text == "one <two> ☺three")
        #expect(first.elements(named: "br").count == 1)
        #expect(document.elements(named: "title").first?.text == "A & B")
        let svg = try #require(document.elements(named: "svg").first)
        #expect(svg.children.map(\.name) == ["rect", "title"])
        #expect(svg.children.first?[attribute: "WIDTH"] == "5")
        #expect(document.elements(named: "script").first?.text.contains("document.write(\"<p>no</p>\")") == true)
        #expect(paragraphs.last?.ancestors.map(\.name) == ["body", "html", "#document"])
    }

    @Test("console messages are read from Chromium's log lines")
    func consoleParsing() {
        let log = """
            [1:1:1123/203850.528334:ERROR:dbus/bus.cc:405] Failed to connect to the bus
            [3507:3507:1123/203851.422604:INFO:CONSOLE:7] "boom, error", source: file:///tmp/a.html (7)
            [3507:3507:1123/203851.425050:INFO:CONSOLE(12)] "Uncaught ReferenceError: f is not defined", source: http://127.0.0.1:8/x.js (12)
            """
        let messages = ConsoleMessage.parse(log: log)
        #expect(messages == [
            ConsoleMessage(text: "boom, error", source: "file:///tmp/a.html", line: 7),
            ConsoleMessage(text: "Uncaught ReferenceError: f is not defined", source: "http://127.0.0.1:8/x.js", line: 12),
        ])
        #expect(messages.allSatisfy { $0.looksLikeError })
    }

    @Test("PNG headers: size read, garbage rejected")
    func pngHeader() throws {
        var bytes = PNGInfo.signature + [0, 0, 0, 13] + Array("IHDR".utf8)
        bytes += [0, 0, 1, 44, 0, 0, 0, 200] + [8, 2, 0, 0, 0] + [0, 0, 0, 0]
        let info = try PNGInfo(data: Data(bytes), name: "x.png")
        #expect(info.width == 300 && info.height == 200 && info.byteCount == bytes.count)
        #expect(throws: BrowserError.self) { try PNGInfo(data: Data("not a png at all, just some text!!".utf8), name: "y") }
        #expect(throws: BrowserError.self) { try PNGInfo(data: Data(), name: "z") }
    }

    @Test("real Chromium: rendered DOM, console errors and a screenshot of a page")
    func realBrowser() throws {
        let browser = try HeadlessBrowser.locate()
        let directory = try temporaryDirectory("harness")
        let page = directory.appendingPathComponent("page.html")
        let html = """
            <!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body>
            <svg id="chart" width="120" height="40"><rect width="60" height="20" fill="#336699"/></svg>
            <script>document.body.insertAdjacentHTML('beforeend', '<p id="added">' + (6 * 7) + '</p>');
            console.error('deliberate failure'); missingFunction();</script></body></html>
            """
        try Data(html.utf8).write(to: page)
        let shot = directory.appendingPathComponent("shot.png")
        let load = try browser.load(url: page, width: 400, height: 300, screenshot: shot)
        let info = try #require(load.screenshot)
        #expect(info.width == 400 && info.height == 300)
        #expect(info.byteCount > 100)
        #expect(try PNGInfo(contentsOf: shot) == info)
        let document = load.document()
        #expect(document.element(id: "added")?.text == "42")
        #expect(document.elements(named: "svg").count == 1)
        #expect(load.consoleMessages.map(\.text).contains("deliberate failure"))
        #expect(load.consoleErrors.contains { $0.text.contains("missingFunction") })

        let clean = directory.appendingPathComponent("clean.html")
        try Data("<!doctype html><p>quiet</p>".utf8).write(to: clean)
        #expect(try browser.load(url: clean).consoleMessages.isEmpty)
    }
}

/// A fresh empty directory for one test.
func temporaryDirectory(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("vp-reports-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
