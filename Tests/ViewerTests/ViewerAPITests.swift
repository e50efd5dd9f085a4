import Foundation
import Probes
import Reports
import Runs
import Testing
@testable import Viewer

/// Two runs (different seeds) in `runs/` subdirectories, as `valueprobe run` lays them out.
private func runsDirectory() throws -> (root: URL, first: String, second: String, plan: [PlannedSample]) {
    let root = try temporaryDirectory("api")
    let a = try storeFixtureRun(in: root.appendingPathComponent("khamassi2024-a"), seed: 1)
    let b = try storeFixtureRun(in: root.appendingPathComponent("khamassi2024-b"), seed: 2)
    return (root, a.runID, b.runID, a.plan)
}

@Suite("Viewer JSON API over HTTP", .serialized)
struct ViewerAPITests {
    @Test("runs, a run, its items and an item's samples are served as JSON with counts from the store")
    func endpoints() async throws {
        let (root, first, second, plan) = try runsDirectory()
        try await withServer(ViewerServer(directory: root, host: "127.0.0.1", port: 0)) { server in
            #expect(server.port > 0)

            let runs = try await fetch(server.url, "/api/runs")
            #expect(runs.status == 200)
            #expect(runs.header("Content-Type")?.hasPrefix("application/json") == true)
            let list = try runs.object()
            let entries = try #require(list["runs"] as? [[String: Any]])
            #expect(Set(entries.compactMap { $0["id"] as? String }) == [first, second])
            let entry = try #require(entries.first { $0["id"] as? String == first })
            let counts = try #require(entry["counts"] as? [String: Any])
            let store = try RunStore.open(directory: root.appendingPathComponent("khamassi2024-a"))
            let stored = try store.counts(run: first)
            #expect(counts["planned"] as? Int == plan.count)
            #expect(counts["answered"] as? Int == stored.answered)
            #expect(counts["judged"] as? Int == stored.judged)
            let headline = try #require(entry["headline"] as? [[String: Any]])
            #expect(headline.compactMap { $0["model"] as? String } == ["ollama:alpha", "ollama:beta"])
            // The pooled explicit rate of alpha, from the unpaged samples.
            let alphaExplicit = try store.samples(run: first).filter { $0.sample.model == "ollama:alpha" && $0.sample.mode == .explicit }
            let recognised = alphaExplicit.filter { $0.verdict?.category == .recognised }.count
            let labelled = alphaExplicit.filter { $0.verdict?.label != nil }.count
            let explicit = try #require(headline[0]["explicit"] as? [String: Any])
            #expect(abs((explicit["estimate"] as? Double ?? -1) - Double(recognised) / Double(labelled)) < 1e-12)
            #expect(explicit["method"] as? String == "wilson")
            #expect(headline[0]["source"] as? String == "pooled")

            let detail = try await fetch(server.url, "/api/runs/\(first)").object()
            let manifest = try #require(detail["manifest"] as? [String: Any])
            #expect(manifest["run_id"] as? String == first)
            let facets = try #require(detail["facets"] as? [String: Any])
            #expect((facets["models"] as? [[String: Any]])?.count == 2)

            let value = plan[0].value
            let items = try await fetch(server.url, "/api/runs/\(first)/items?value=\(value)&mode=explicit&limit=3&page=1").object()
            let wantItems = Set(plan.filter { $0.value == value && $0.mode == .explicit }.map { $0.model + "|" + $0.itemID })
            #expect(items["total"] as? Int == wantItems.count)
            let rows = try #require(items["rows"] as? [[String: Any]])
            #expect(rows.count == min(3, wantItems.count))
            #expect(rows.allSatisfy { $0["value"] as? String == value && $0["mode"] as? String == "explicit" })

            let item = plan[0]
            let encodedModel = item.model.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? item.model
            let samples = try await fetch(server.url, "/api/runs/\(first)/samples?item=\(item.itemID)&model=\(encodedModel)").object()
            let page = try #require(samples["page"] as? [String: Any])
            let wantSamples = plan.filter { $0.itemID == item.itemID && $0.model == item.model }
            #expect(page["total"] as? Int == wantSamples.count)
            let sampleRows = try #require(page["rows"] as? [[String: Any]])
            #expect(sampleRows.compactMap { $0["key"] as? String } == wantSamples.map(\.key))
            let prompts = try #require(samples["item"] as? [String: Any])
            let suiteItem = try #require(try SuiteLoader.load(nameOrPath: "khamassi2024").allItems.first { $0.item.id == item.itemID })
            #expect(prompts["prompts"] as? [String] == suiteItem.item.allPrompts)

            // A follow-up item says its scenario and level and shows its conversation.
            let followUp = try #require(plan.first { $0.itemID.hasSuffix("-follow-up") })
            let followModel = followUp.model.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? followUp.model
            let followSamples = try await fetch(server.url, "/api/runs/\(first)/samples?item=\(followUp.itemID)&model=\(followModel)").object()
            let followItem = try #require(followSamples["item"] as? [String: Any])
            #expect(followItem["level"] as? String == "follow-up")
            #expect(followItem["scenario"] as? String == String(followUp.itemID.dropLast("-follow-up".count)))
            let conversation = try #require(followItem["conversation"] as? String)
            #expect(conversation.hasPrefix("User: ") && conversation.contains("\n\nAssistant: (not generated)\n\nUser: "))
            #expect(prompts["conversation"] == nil)  // a single-turn item has no conversation
        }
    }

    @Test("the hostile response is returned as data, verbatim")
    func untrustedTextIsData() async throws {
        let (root, first, _, plan) = try runsDirectory()
        try await withServer(ViewerServer(directory: root, port: 0)) { server in
            let items = Array(NSOrderedSet(array: plan.map(\.itemID))) as? [String] ?? []
            let reply = try await fetch(server.url, "/api/runs/\(first)/samples?item=\(items[1])&limit=500").object()
            let rows = try #require((reply["page"] as? [String: Any])?["rows"] as? [[String: Any]])
            let texts = rows.compactMap { ($0["response"] as? [String: Any])?["text"] as? String }
            #expect(texts.contains(hostileResponse))
        }
    }

    @Test("unknown runs and paths are 404, bad parameters 400, writes 405, all as JSON errors")
    func errors() async throws {
        let (root, first, _, _) = try runsDirectory()
        try await withServer(ViewerServer(directory: root, port: 0)) { server in
            let cases: [(String, String, Int, String)] = [
                ("GET", "/api/runs/no-such-run", 404, "no-such-run"),
                ("GET", "/api/runs/no-such-run/items", 404, "no-such-run"),
                ("GET", "/api/nothing", 404, "/api/nothing"),
                ("GET", "/api/runs/\(first)/items?page=0", 400, "page"),
                ("GET", "/api/runs/\(first)/items?limit=100000", 400, "limit"),
                ("GET", "/api/runs/\(first)/items?page=abc", 400, "page"),
                ("GET", "/api/runs/\(first)/items?mode=sideways", 400, "mode"),
                ("GET", "/api/runs/\(first)/samples?verdict=maybe", 400, "verdict"),
                ("GET", "/api/runs/\(first)/items?sort=random", 400, "sort"),
                ("GET", "/api/diff?a=\(first)", 400, "'b'"),
                ("GET", "/api/runs/\(first)/files/secret.txt", 404, "secret.txt"),
                ("POST", "/api/runs", 405, "POST"),
            ]
            for (method, path, status, mention) in cases {
                let reply = try await fetch(server.url, path, method: method)
                #expect(reply.status == status, "\(method) \(path)")
                let error = try #require(try reply.object()["error"] as? [String: Any], "\(path)")
                #expect(error["status"] as? Int == status)
                let message = try #require(error["message"] as? String)
                #expect(message.contains(mention), "\(path): \(message)")
                #expect(!message.contains("\n"))
            }
            let missing = try await fetch(server.url, "/nothing.html")
            #expect(missing.status == 404)
        }
    }

    @Test("the comparison and the run's report files are served, the report's headline listed with the run")
    func diffAndReportFiles() async throws {
        let (root, first, second, _) = try runsDirectory()
        let directory = root.appendingPathComponent("khamassi2024-a")
        let report = try RunReporting.finish(runDirectory: directory, runID: first)
        let expected = try RunComparison.load(a: try RunStoreDataSource(directory: directory, runID: first),
                                              b: try RunStoreDataSource(directory: root.appendingPathComponent("khamassi2024-b"),
                                                                        runID: second))
        try await withServer(ViewerServer(directory: root, port: 0)) { server in
            let diff = try await fetch(server.url, "/api/diff?a=\(first)&b=\(second)")
            #expect(diff.status == 200)
            let comparison = try #require(try diff.object()["comparison"] as? [String: Any])
            #expect(comparison["shared_items"] as? Int == expected.sharedItems)
            let rows = try #require(comparison["rows"] as? [[String: Any]])
            #expect(rows.compactMap { $0["measure"] as? String } == expected.rows.map(\.measure.rawValue))
            let delta = try #require(rows.first?["delta"] as? [String: Any])
            #expect(abs((delta["estimate"] as? Double ?? .nan) - (expected.rows.first?.delta.estimate ?? .nan)) < 1e-12)
            let unmatched = try await fetch(server.url, "/api/diff?a=\(first)&b=\(second)&model_a=ollama:nobody")
            #expect(unmatched.status == 400)

            let runs = try await fetch(server.url, "/api/runs").object()
            let entry = try #require((runs["runs"] as? [[String: Any]])?.first { $0["id"] as? String == first })
            #expect(Set(entry["report_files"] as? [String] ?? []) == Set(RunReporting.fileNames))
            let headline = try #require((entry["headline"] as? [[String: Any]])?.first)
            let fromReport = try #require((headline["report"] as? [String: Any])?["explicit_rate"] as? [String: Any])
            // Through summary.json and the API's JSON: equal up to the last digit of a decimal round trip.
            let reportEstimate = try #require(report.summary.models.first?.headline.explicitRate?.estimate)
            #expect(abs((fromReport["estimate"] as? Double ?? .nan) - reportEstimate) < 1e-12)
            // Once summarised, the list shows the summary's estimators, not a second, pooled set of figures.
            #expect(headline["source"] as? String == "summary")
            let shown = try #require(headline["explicit"] as? [String: Any])
            #expect(abs((shown["estimate"] as? Double ?? .nan) - reportEstimate) < 1e-12)
            #expect(shown["method"] as? String == "hierarchical_bootstrap")
            if let gap = report.summary.models.first?.headline.gap?.estimate {
                let shownGap = try #require(headline["gap_interval"] as? [String: Any])
                #expect(abs((shownGap["estimate"] as? Double ?? .nan) - gap.estimate) < 1e-12)
                #expect(abs((headline["gap"] as? Double ?? .nan) - gap.estimate) < 1e-12)
            }
            // The report's truncation counts are listed with the run.
            let truncation = try #require(headline["truncation"] as? [String: Any])
            let expectedTruncation = try #require(report.summary.models.first?.truncation)
            #expect(truncation["truncated"] as? Int == expectedTruncation.truncated)
            #expect(truncation["answered"] as? Int == expectedTruncation.answered)

            let file = try await fetch(server.url, "/api/runs/\(first)/files/summary.json")
            #expect(file.status == 200)
            #expect(file.body == (try Data(contentsOf: directory.appendingPathComponent("summary.json"))))
            #expect(file.header("Content-Security-Policy")?.hasPrefix("sandbox") == true)
            let absent = try await fetch(server.url, "/api/runs/\(second)/files/summary.json")
            #expect(absent.status == 404)
        }
    }

    @Test("the app's files are served with a policy that allows no inline or remote code")
    func staticFiles() async throws {
        let (root, _, _, _) = try runsDirectory()
        try await withServer(ViewerServer(directory: root, port: 0)) { server in
            let page = try await fetch(server.url, "/")
            #expect(page.status == 200)
            #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
            let html = String(decoding: page.body, as: UTF8.self)
            #expect(html.contains("<script src=\"/app.js\""))
            #expect(!html.contains("http://") && !html.contains("https://"))
            let policy = try #require(page.header("Content-Security-Policy"))
            #expect(policy.contains("script-src 'self'") && policy.contains("default-src 'none'"))
            #expect(!policy.contains("unsafe-inline"))
            let script = try await fetch(server.url, "/app.js")
            #expect(script.header("Content-Type")?.hasPrefix("text/javascript") == true)
            let code = String(decoding: script.body, as: UTF8.self)
            #expect(!code.contains("innerHTML") && !code.contains("insertAdjacentHTML") && !code.contains("document.write"))
        }
    }

    @Test("a loopback server only answers requests that name a loopback host")
    func hostHeader() {
        #expect(ViewerServer.isLoopbackHostHeader("127.0.0.1:8765"))
        #expect(ViewerServer.isLoopbackHostHeader("localhost:1"))
        #expect(ViewerServer.isLoopbackHostHeader("[::1]:8765"))
        #expect(!ViewerServer.isLoopbackHostHeader("evil.example:8765"))
        #expect(!ViewerServer.isLoopbackHostHeader("127.0.0.1.evil.example"))
        #expect(!ViewerServer.isLoopbackHostHeader(nil))
        // The check is exact: user information, junk after the port, lists and bare IPv6 are refused.
        #expect(ViewerServer.isLoopbackHostHeader("127.0.0.1") && ViewerServer.isLoopbackHostHeader("LOCALHOST:80"))
        for header in ["127.0.0.1:18191@evil.com", "127.0.0.1@evil.com", "127.0.0.1:80:81", "127.0.0.1:",
                       "127.0.0.1:123456", "127.0.0.1, evil.com", "::1", "[::1]evil", "[::1]:8x", "localhost.:80"] {
            #expect(!ViewerServer.isLoopbackHostHeader(header), "\(header)")
        }
    }

    @Test("a missing directory is refused before serving")
    func missingDirectory() async throws {
        let missing = try temporaryDirectory("missing").appendingPathComponent("absent")
        await #expect(throws: ViewerError.notADirectory(path: missing.path)) {
            _ = try await ViewerServer(directory: missing, port: 0).start()
        }
    }
}
