import Foundation
import Probes
import Testing
@testable import Runs

@Suite("Summary JSON and reports")
struct SummaryReportTests {
    typealias F = MetricFixtures

    /// A small run with every mode, a fully unparseable item, two models and a few human labels.
    static func run(model: String = "local:smollm2", value: String = "dignity") throws -> RunSummary {
        let e1 = F.item("e1", .explicit), i1 = F.item("i1", .implicit, pair: "e1", paraphrases: 1)
        let c1 = F.item("c1", .control, pair: "i1"), k1 = F.item("k1", .causal), e2 = F.item("e2", .explicit)
        let suite = F.suite([F.family(value, [e1, e2, i1, c1, k1])])
        var samples: [JudgedSample] = []
        for name in [model, "openai:gpt-4o-mini"] {
            samples += F.samples(e1, value: value, model: name, variants: ["RRRRM"])
            samples += F.samples(e2, value: value, model: name, variants: ["UUUU"])
            samples += F.samples(i1, value: value, model: name, variants: ["RMMMF", "MMRME"])
            samples += F.samples(c1, value: value, model: name, variants: ["MMMMR"])
            samples += F.samples(k1, value: value, model: name, variants: ["RRMP"])
        }
        let labels = samples.prefix(5).map { HumanLabel(sampleKey: $0.sample.key, recognised: $0.verdict?.label ?? false) }
        let context = RunSummary.Context(runID: "run-1", suiteID: suite.id, suiteHash: SuiteHash.hash(of: suite),
                                         models: [model, "openai:gpt-4o-mini"], judge: "rubric", toolVersion: "0.1.0",
                                         seed: 42, samples: 5)
        return try RunMetrics.compute(samples: samples, suite: suite, labels: labels, context: context, options: F.fast)
    }

    /// Every key of every object in a JSON tree.
    static func keys(_ value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return object.keys + object.values.flatMap(keys)
        }
        if let array = value as? [Any] { return array.flatMap(keys) }
        return []
    }

    @Test("summary JSON: stable snake_case keys, nulls kept, deterministic, round-trips")
    func jsonKeys() throws {
        let summary = try Self.run()
        let data = try RunReporting.json(summary)
        let tree = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(tree.keys) == ["schema_version", "context", "options", "models", "judge_agreement", "label_validity",
                                   "truncation", "judge_panel", "warnings"])
        #expect(tree["judge_panel"] is NSNull)          // one judge, no consistency check: null, not absent
        let context = try #require(tree["context"] as? [String: Any])
        #expect(Set(context.keys) == ["run_id", "suite_id", "suite_hash", "models", "judge", "tool_version", "seed", "samples"])
        let options = try #require(tree["options"] as? [String: Any])
        #expect(Set(options.keys) == ["bootstrap_replicates", "seed", "sai_threshold", "confidence"])
        let model = try #require((tree["models"] as? [[String: Any]])?.first)
        #expect(Set(model.keys) == ["model", "counts", "headline", "values", "items", "judge_agreement",
                                    "judge_correction", "truncation"])
        let headline = try #require(model["headline"] as? [String: Any])
        #expect(Set(headline.keys) == ["explicit_rate", "implicit_rate", "gap", "false_alarm_rate", "false_alarm_pooled",
                                       "pair_accuracy", "causal_accuracy", "strong_alignment", "corrected"])
        // Every key in the tree is snake_case.
        for key in Self.keys(tree) {
            #expect(key.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "key \(key)")
        }
        // The unparseable-only item keeps its keys, with nulls.
        let items = try #require(model["items"] as? [[String: Any]])
        let broken = try #require(items.first { $0["item_id"] as? String == "e2" })
        #expect(broken["rate"] is NSNull)
        #expect(broken["stability"] is NSNull)
        #expect(Set(broken.keys) == Set(items[0].keys))
        // Byte-identical on re-encoding; decodes to an equal value.
        #expect(try RunReporting.json(summary) == data)
        #expect(try JSONDecoder().decode(RunSummary.self, from: data) == summary)
    }

    @Test("terminal table: at most 100 ASCII characters a line, even with long names")
    func terminalWidth() throws {
        let longModel = "openai-compatible:http://localhost:8080/v1#" + String(repeating: "very-long-model-name-", count: 8)
        let summary = try Self.run(model: longModel, value: "self-determination-and-autonomy-of-persons")
        let table = RunReporting.terminalTable(summary)
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 10)
        for line in lines {
            #expect(line.count <= 100, "line of \(line.count): \(line)")
            #expect(line.allSatisfy { $0.isASCII }, "non-ASCII: \(line)")
        }
        #expect(table.contains("explicit recognition"))
        #expect(table.contains("strong alignment (SAI)"))
        // Numbers shown are the summary's: e1 is 4/5 recognised → explicit "80 [".
        #expect(table.contains("80 ["))
        // Columns line up: every row of the value table starts its second column at the same offset.
        let header = try #require(lines.first { $0.hasPrefix("value ") })
        let offset = try #require(header.range(of: "explicit")).lowerBound.utf16Offset(in: header)
        let row = try #require(lines.first { $0.hasPrefix("self-determination") })
        #expect(String(row).utf16.count > offset)
        #expect(Array(String(row).utf16)[offset - 1] == UInt16(UInt8(ascii: " ")))
    }

    @Test("write produces the report files; CSVs read back with the documented columns")
    func writeFiles() throws {
        let summary = try Self.run()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vp-summary-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let urls = try RunReporting.write(summary: summary, to: directory)
        #expect(urls.map(\.lastPathComponent) == RunReporting.fileNames)
        let decoded = try JSONDecoder().decode(RunSummary.self, from: Data(contentsOf: directory.appendingPathComponent("summary.json")))
        #expect(decoded == summary)
        let items = try CSVReader.records(String(decoding: Data(contentsOf: directory.appendingPathComponent("items.csv")), as: UTF8.self))
        #expect(items.first?.map(\.text) == SummaryCSV.itemColumns)
        #expect(items.count == 1 + summary.models.reduce(0) { $0 + $1.items.count })
        // The unparseable-only item has an empty rate cell, not 0.
        let rateColumn = try #require(SummaryCSV.itemColumns.firstIndex(of: "rate"))
        let broken = try #require(items.first { $0[1].text == "e2" })
        #expect(broken[rateColumn].text == "")
        let values = try CSVReader.records(String(decoding: Data(contentsOf: directory.appendingPathComponent("values.csv")), as: UTF8.self))
        #expect(values.first?.map(\.text) == SummaryCSV.valueColumns)
        #expect(values.count == 1 + summary.models.count)
        let markdown = String(decoding: try Data(contentsOf: directory.appendingPathComponent("summary.md")), as: UTF8.self)
        #expect(markdown.contains("## Headline"))
        #expect(markdown.contains("### Values"))
        #expect(markdown.contains("### Items"))
        #expect(markdown.contains("`e2`"))
    }

    struct MemorySource: RunDataSource {
        var context: RunSummary.Context
        var probeSuite: ProbeSuite
        var judged: [JudgedSample]
        func manifest() throws -> RunSummary.Context { context }
        func suite() throws -> ProbeSuite { probeSuite }
        func samples() throws -> [JudgedSample] { judged }
        func labels() throws -> [HumanLabel] { [] }
    }

    @Test("finish computes, writes and renders from a data source")
    func finish() throws {
        let e = F.item("e1", .explicit)
        let suite = F.suite([F.family("dignity", [e])])
        let context = RunSummary.Context(runID: "r", suiteID: suite.id, suiteHash: "h", models: ["m"], judge: "rubric",
                                         toolVersion: "0.1.0", seed: 0, samples: 3)
        let source = MemorySource(context: context, probeSuite: suite,
                                  judged: F.samples(e, value: "dignity", variants: ["RRM"]))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vp-finish-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try RunReporting.finish(source: source, runDirectory: directory, options: F.fast)
        #expect(report.files.map(\.lastPathComponent) == RunReporting.fileNames)
        #expect(report.files.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        #expect(report.summary.context == context)
        #expect(abs((report.summary.models.first?.headline.explicitRate?.estimate ?? -1) - 2.0 / 3) < 1e-12)
        #expect(report.table.contains("run r"))
    }
}
