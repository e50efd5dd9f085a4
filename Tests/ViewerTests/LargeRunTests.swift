import Foundation
import Probes
import Runs
import Testing

/// A run of 100,000 samples written in bulk: 20 values × 4 modes × 25 items × 2 models × 25 samples.
private struct LargeRun {
    static let values = (0..<20).map { "value\($0 < 10 ? "0" : "")\($0)" }
    static let models = ["local:a", "local:b"]
    static let itemsPerValueAndMode = 25
    static let samplesPerItem = 25

    let directory: URL
    let runID: String
    let plan: [PlannedSample]
    /// Category per sample key (absent = no verdict).
    let categories: [String: VerdictCategory]

    init() throws {
        directory = try temporaryDirectory("large")
        let configuration = RunConfiguration(suite: "synthetic", models: Self.models, samples: Self.samplesPerItem,
                                             judge: "rubric")
        let suite = SuiteIdentity(id: "synthetic", title: "Synthetic", version: "1", hash: "0", locator: "synthetic")
        let manifest = RunManifest(runID: "large-run", configuration: configuration, suite: suite,
                                   models: Self.models.map { ModelIdentity(spec: $0, provider: "local", name: $0) },
                                   plannedSamples: 100_000)
        runID = manifest.runID
        var plan: [PlannedSample] = []
        plan.reserveCapacity(100_000)
        for model in Self.models {
            for value in Self.values {
                for mode in ProbeMode.allCases {
                    for item in 0..<Self.itemsPerValueAndMode {
                        let itemID = "\(value)-\(mode.rawValue)-\(item)"
                        for n in 0..<Self.samplesPerItem {
                            plan.append(PlannedSample(
                                key: "\(model)|\(itemID)|\(n)", model: model, itemID: itemID, familyID: value,
                                value: value, mode: mode, variant: n % 2, sampleIndex: n / 2, pairID: nil,
                                seed: UInt64(plan.count)))
                        }
                    }
                }
            }
        }
        self.plan = plan
        var responses: [(key: String, response: SampleResponse)] = []
        var verdicts: [Verdict] = []
        var categories: [String: VerdictCategory] = [:]
        for (index, sample) in plan.enumerated() where index % 10 != 9 {  // every tenth sample pending
            responses.append((sample.key, SampleResponse(text: "response \(index)", finishReason: "stop",
                                                         latencyMilliseconds: 1)))
            let hash = (index &* 2_654_435_761) % 97
            guard hash != 0 else { continue }  // about 1% unjudged
            let category: VerdictCategory = hash < 55 ? .recognised : hash < 90 ? .missed : .refused
            categories[sample.key] = category
            verdicts.append(Verdict(sampleKey: sample.key, judge: "rubric", category: category))
        }
        self.categories = categories
        let store = try RunStore.open(directory: directory)
        try store.createOrOpenRun(manifest)
        try store.insertPlan(plan, run: runID)
        try store.saveResponses(responses)
        try store.saveVerdicts(verdicts)
        try store.prepareForBrowsing()
    }
}

@Suite("A run of 100,000 samples")
struct LargeRunTests {
    @Test("pages of filtered items and samples come from indexed queries with exact counts")
    func pagedQueries() throws {
        let run = try LargeRun()
        defer { try? FileManager.default.removeItem(at: run.directory) }  // tens of megabytes
        let store = try RunStore.open(directory: run.directory)
        #expect(try store.counts(run: run.runID).planned == 100_000)

        // Items of one value and mode, second page of 10; expected from the plan itself.
        let value = "value07"
        let clock = ContinuousClock()
        let start = clock.now
        let page = try store.items(run: run.runID, filter: SampleFilter(value: value, mode: .implicit), offset: 10, limit: 10)
        let elapsed = clock.now - start
        let wantItems = Set(run.plan.filter { $0.value == value && $0.mode == .implicit }.map { $0.model + "|" + $0.itemID })
        #expect(page.total == wantItems.count)
        #expect(page.rows.count == 10)
        let sortedItems = wantItems.sorted(by: bytewiseLess)
        #expect(page.rows.map { $0.model + "|" + $0.itemID } == Array(sortedItems[10..<20]))
        for row in page.rows {
            let keys = run.plan.filter { $0.model == row.model && $0.itemID == row.itemID }.map(\.key)
            #expect(row.tally.planned == keys.count)
            #expect(row.tally.count(.recognised) == keys.filter { run.categories[$0] == .recognised }.count)
            #expect(row.tally.count(.missed) == keys.filter { run.categories[$0] == .missed }.count)
        }
        // Loose: an indexed page is milliseconds; a full in-memory load would be seconds. No tight timing here.
        #expect(elapsed < .seconds(10))

        // Samples of one item with a verdict filter, and the total of a whole-run verdict filter.
        let item = page.rows[0]
        let refused = try store.samplePage(run: run.runID, filter: SampleFilter(model: item.model, itemID: item.itemID,
                                                                              verdict: .category(.refused)))
        let wantRefused = run.plan.filter { $0.model == item.model && $0.itemID == item.itemID && run.categories[$0.key] == .refused }
        #expect(refused.rows.map(\.sample.key) == wantRefused.map(\.key))
        let missedTotal = try store.samplePage(run: run.runID, filter: SampleFilter(verdict: .category(.missed)), limit: 5).total
        #expect(missedTotal == run.categories.values.filter { $0 == .missed }.count)
        let pendingTotal = try store.items(run: run.runID, filter: SampleFilter(verdict: .pending), limit: 5).total
        #expect(pendingTotal == Set(run.plan.enumerated().filter { $0.offset % 10 == 9 }.map { $0.element.model + "|" + $0.element.itemID }).count)

        // Selective filters search an index instead of walking the run's samples. (For a filter that keeps a
        // large share, such as one mode of four, walking in plan order until the page is full is SQLite's cheaper
        // choice, and the statistics let it make it.)
        for filter in [SampleFilter(value: value, mode: .implicit), SampleFilter(itemID: item.itemID),
                       SampleFilter(value: value), SampleFilter(model: item.model, itemID: item.itemID)] {
            let plans = try store.browsingQueryPlans(run: run.runID, filter: filter)
            let samplesAccess = plans.filter { $0.contains(" s ") || $0.hasSuffix(" s") }
            #expect(!samplesAccess.isEmpty)
            #expect(samplesAccess.allSatisfy { $0.contains("INDEX") }, "\(filter): \(plans)")
        }
    }
}
