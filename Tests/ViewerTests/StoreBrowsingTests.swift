import Foundation
import Probes
import Runs
import Testing

/// The expected items of a run, computed in Swift from every sample (the store's unpaged API).
private struct ExpectedItem: Equatable {
    var model: String, item: String, value: String, mode: ProbeMode
    var planned = 0, answered = 0, failed = 0
    var categories: [String: Int] = [:]
    var variants: Set<Int> = []
}

private func expectedItems(_ all: [JudgedSample], where keep: (JudgedSample) -> Bool = { _ in true }) -> [ExpectedItem] {
    var items: [String: ExpectedItem] = [:]
    for s in all where keep(s) {
        let key = s.sample.model + "|" + s.sample.itemID
        var item = items[key] ?? ExpectedItem(model: s.sample.model, item: s.sample.itemID, value: s.sample.value,
                                              mode: s.sample.mode)
        item.planned += 1
        if let r = s.response {
            item.answered += 1
            if r.error != nil { item.failed += 1 }
        }
        if let v = s.verdict { item.categories[v.category.rawValue, default: 0] += 1 }
        item.variants.insert(s.sample.variant)
        items[key] = item
    }
    return items.values.sorted { a, b in
        a.model != b.model ? bytewiseLess(a.model, b.model) : bytewiseLess(a.item, b.item)
    }
}

/// SQLite's default (binary) collation: text ordered by its UTF-8 bytes.
func bytewiseLess(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }

@Suite("Store browsing")
struct StoreBrowsingTests {
    @Test("items pages carry the same tallies as the unpaged samples, in model and item order")
    func itemsMatchUnpagedSamples() throws {
        let dir = try temporaryDirectory("items")
        let (runID, _) = try storeFixtureRun(in: dir)
        let store = try RunStore.open(directory: dir)
        try store.prepareForBrowsing()
        let all = try store.samples(run: runID)
        let expected = expectedItems(all)
        #expect(expected.count > 20)

        var collected: [ItemDigest] = []
        var offset = 0
        while true {
            let page = try store.items(run: runID, offset: offset, limit: 7)
            #expect(page.total == expected.count)
            collected += page.rows
            offset += 7
            if page.rows.count < 7 { break }
        }
        #expect(collected.count == expected.count)
        for (got, want) in zip(collected, expected) {
            #expect(got.model == want.model && got.itemID == want.item && got.value == want.value && got.mode == want.mode)
            #expect(got.tally.planned == want.planned && got.tally.answered == want.answered && got.tally.failed == want.failed)
            #expect(got.tally.byCategory == want.categories)
            #expect(got.variants == want.variants.count)
        }
    }

    @Test("filters on value, mode, model, item text and verdict keep what the same predicate keeps in Swift")
    func filters() throws {
        let dir = try temporaryDirectory("filters")
        let (runID, plan) = try storeFixtureRun(in: dir)
        let store = try RunStore.open(directory: dir)
        try store.prepareForBrowsing()
        let all = try store.samples(run: runID)
        let value = plan[plan.count / 2].value, model = "ollama:beta"
        let fragment = String(plan[plan.count / 3].itemID.prefix(4))

        let cases: [(SampleFilter, (JudgedSample) -> Bool)] = [
            (SampleFilter(value: value), { $0.sample.value == value }),
            (SampleFilter(mode: .implicit), { $0.sample.mode == .implicit }),
            (SampleFilter(value: value, mode: .explicit, model: model),
             { $0.sample.value == value && $0.sample.mode == .explicit && $0.sample.model == model }),
            (SampleFilter(itemContains: fragment), { $0.sample.itemID.contains(fragment) }),
        ]
        for (filter, keep) in cases {
            let want = expectedItems(all, where: keep)
            let page = try store.items(run: runID, filter: filter, limit: 1000)
            #expect(page.total == want.count, "\(filter)")
            #expect(page.rows.map(\.itemID) == want.map(\.item), "\(filter)")
            let samples = try store.samplePage(run: runID, filter: filter, limit: 1000)
            let wantSamples = all.filter(keep)
            #expect(samples.total == wantSamples.count, "\(filter)")
            #expect(samples.rows == Array(wantSamples.prefix(1000)), "\(filter)")
        }

        // A verdict filter keeps samples in that state, and items with at least one such sample (all counted).
        let states: [(SampleFilter.VerdictState, (JudgedSample) -> Bool)] = [
            (.category(.refused), { $0.verdict?.category == .refused }),
            (.unjudged, { $0.response != nil && $0.verdict == nil }),
            (.pending, { $0.response == nil }),
        ]
        for (state, inState) in states {
            let samples = try store.samplePage(run: runID, filter: SampleFilter(verdict: state), limit: 1000)
            let want = all.filter(inState)
            #expect(!want.isEmpty)
            #expect(samples.total == want.count && samples.rows.map(\.sample.key) == want.map(\.sample.key))
            let keys = Set(want.map { $0.sample.model + "|" + $0.sample.itemID })
            let wantItems = expectedItems(all).filter { keys.contains($0.model + "|" + $0.item) }
            let items = try store.items(run: runID, filter: SampleFilter(verdict: state), limit: 1000)
            #expect(items.total == wantItems.count)
            #expect(items.rows.map(\.tally.planned) == wantItems.map(\.planned))
        }
    }

    @Test("rate order puts the lowest recognition first and unlabelled items last")
    func rateOrder() throws {
        let dir = try temporaryDirectory("order")
        let (runID, _) = try storeFixtureRun(in: dir)
        let store = try RunStore.open(directory: dir)
        let rows = try store.items(run: runID, order: .rateAscending, limit: 1000).rows
        let rates = rows.map(\.tally.recognitionRate)
        let known = rates.compactMap { $0 }
        #expect(known == known.sorted())
        #expect(rates.drop { $0 != nil }.allSatisfy { $0 == nil })
        let descending = try store.items(run: runID, order: .rateDescending, limit: 1000).rows.compactMap(\.tally.recognitionRate)
        #expect(descending == known.sorted(by: >))
    }

    @Test("tallies per model, mode and value add up to the run's counts")
    func tallies() throws {
        let dir = try temporaryDirectory("tallies")
        let (runID, plan) = try storeFixtureRun(in: dir)
        let store = try RunStore.open(directory: dir)
        let cells = try store.tallies(run: runID, byValue: true)
        let counts = try store.counts(run: runID)
        #expect(cells.reduce(0) { $0 + $1.tally.planned } == plan.count)
        #expect(cells.reduce(0) { $0 + $1.tally.answered } == counts.answered)
        #expect(cells.reduce(0) { $0 + $1.tally.judged } == counts.judged)
        for category in VerdictCategory.allCases {
            #expect(cells.reduce(0) { $0 + $1.tally.count(category) } == counts.count(category))
        }
        let explicitAlpha = plan.filter { $0.model == "ollama:alpha" && $0.mode == .explicit }.count
        let pooled = try store.tallies(run: runID)
        #expect(pooled.first { $0.model == "ollama:alpha" && $0.mode == .explicit }?.tally.planned == explicitAlpha)
        let facets = try store.facets(run: runID)
        #expect(facets.models.map(\.name) == ["ollama:alpha", "ollama:beta"])
        #expect(facets.values.map(\.name) == Set(plan.map(\.value)).sorted(by: bytewiseLess))
        #expect(facets.items == Set(plan.map { $0.model + "|" + $0.itemID }).count)
    }

    @Test("pages out of range are refused with a one-line error")
    func badPages() throws {
        let dir = try temporaryDirectory("pages")
        let (runID, _) = try storeFixtureRun(in: dir)
        let store = try RunStore.open(directory: dir)
        #expect(throws: RunBrowsingError.self) { try store.items(run: runID, offset: -1) }
        #expect(throws: RunBrowsingError.self) { try store.samplePage(run: runID, limit: 0) }
        #expect(throws: RunBrowsingError.self) { try store.samplePage(run: runID, limit: RunStore.maximumPageSize + 1) }
        #expect(throws: RunStoreError.unknownRun(id: "nope")) { try store.items(run: "nope") }
        let past = try store.items(run: runID, offset: 100_000, limit: 10)
        #expect(past.rows.isEmpty && past.total > 0)
    }
}
