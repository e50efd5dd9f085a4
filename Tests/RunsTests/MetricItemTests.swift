import Foundation
import Probes
import Testing
@testable import Runs

@Suite("Metrics per item")
struct MetricItemTests {
    typealias F = MetricFixtures

    func summary(_ samples: [JudgedSample], _ suite: ProbeSuite, options: MetricOptions = MetricFixtures.fast) throws -> ModelSummary {
        let result = try RunMetrics.compute(samples: samples, suite: suite, options: options)
        return try #require(result.models.first)
    }

    @Test("rate and Wilson interval count only recognised/missed; other categories are reported apart")
    func categoryExclusion() throws {
        let item = F.item("e1", .explicit)
        let suite = F.suite([F.family("dignity", [item])])
        // 7 recognised + 3 missed + 2 unparseable + 1 refused + 1 error + 1 pending = 15 planned.
        let samples = F.samples(item, value: "dignity", variants: ["RRRRRRRMMMUUFEP"])
        let metrics = try #require(try summary(samples, suite).items.first)
        #expect(metrics.counts.planned == 15)
        #expect(metrics.counts.labelled == 10)
        #expect(metrics.counts.unparseable == 2)
        #expect(metrics.counts.refused == 1)
        #expect(metrics.counts.error == 1)
        #expect(metrics.counts.pending == 1)
        // r̂ = 7/10 (not 7/14 or 7/15); Wilson 95 % for 7/10 is [0.396778, 0.892209] (metrics.md §11).
        let rate = try #require(metrics.rate)
        #expect(abs(rate.estimate - 0.7) < 1e-12)
        #expect(abs(rate.lower - 0.396778) < 1e-6)
        #expect(abs(rate.upper - 0.892209) < 1e-6)
        #expect(rate.method == .wilson)
        #expect(rate.units == 10)
    }

    @Test("an item without any label has no rate (never a silent zero) and is left out of the mode mean")
    func noLabelsNoRate() throws {
        let good = F.item("e1", .explicit)
        let broken = F.item("e2", .explicit)
        let suite = F.suite([F.family("dignity", [good, broken])])
        let samples = F.samples(good, value: "dignity", variants: ["RRRM"])
            + F.samples(broken, value: "dignity", variants: ["UUFE"])
        let model = try summary(samples, suite)
        let brokenMetrics = try #require(model.items.first { $0.itemID == "e2" })
        #expect(brokenMetrics.rate == nil)
        #expect(brokenMetrics.stability == nil)
        #expect(brokenMetrics.passAtK.isEmpty)
        let explicit = try #require(model.values.first?.explicit)
        #expect(explicit.items == 2)
        #expect(explicit.itemsLabelled == 1)
        // Mean over labelled items only: 3/4 = 0.75 (counting e2 as 0 would give 0.375).
        #expect(abs((explicit.rate?.estimate ?? -1) - 0.75) < 1e-12)
        #expect(explicit.counts.unparseable == 2 && explicit.counts.refused == 1 && explicit.counts.error == 1)
    }

    @Test("variability on fixed label strings matches the golden values")
    func variability() throws {
        let item = F.item("i1", .implicit, paraphrases: 1)
        let suite = F.suite([F.family("dignity", [item])])
        // Paraphrase 0: a,a,a,b,b → H = 0.970951 bits, CR 0.6, D = 1 − (3·2 + 2·1)/(5·4) = 0.6, flips 1/4 = 0.25.
        // Paraphrase 1: a,a,b,a,b → same counts (H, CR, D as above), flips 3/4 = 0.75 (golden flip rate).
        let samples = F.samples(item, value: "dignity", variants: ["RRRMM", "RRMRM"])
        let metrics = try #require(try summary(samples, suite).items.first)
        let first = try #require(metrics.variants[0].variability)
        #expect(abs(first.entropyBits - 0.970951) < 1e-6)
        #expect(abs(first.consistency - 0.6) < 1e-12)
        #expect(abs((first.disagreement ?? -1) - 0.6) < 1e-12)
        #expect(abs((first.flipRate ?? -1) - 0.25) < 1e-12)
        let second = try #require(metrics.variants[1].variability)
        #expect(abs((second.flipRate ?? -1) - 0.75) < 1e-12)
        // Item level: means over paraphrases; flip rate (0.25 + 0.75)/2 = 0.5; r̂ = 6/10 → IV 0.24; unstable.
        let item_ = try #require(metrics.variability)
        #expect(abs(item_.entropyBits - 0.970951) < 1e-6)
        #expect(abs((item_.flipRate ?? -1) - 0.5) < 1e-12)
        #expect(abs((item_.disagreement ?? -1) - 0.6) < 1e-12)
        #expect(abs(item_.internalVariance - 0.24) < 1e-12)
        #expect(item_.allIdentical == false)
        #expect(metrics.stability == .unstable)
    }

    @Test("stability: decided when the Wilson interval of the item's rate excludes ½")
    func stability() throws {
        let high = F.item("e1", .explicit)
        let low = F.item("e2", .explicit)
        let middle = F.item("e3", .explicit)
        let suite = F.suite([F.family("dignity", [high, low, middle])])
        // Wilson 95 %: 9/10 → [0.596, 0.982], 1/10 → [0.018, 0.404], 8/10 → [0.490, 0.943] (½ inside: undecided).
        let samples = F.samples(high, value: "dignity", variants: [F.labels(9, of: 10)])   // stable recognise
            + F.samples(low, value: "dignity", variants: [F.labels(1, of: 10)])            // stable miss
            + F.samples(middle, value: "dignity", variants: [F.labels(8, of: 10)])         // unstable
        let model = try summary(samples, suite)
        #expect(model.items.map(\.stability) == [.stableRecognise, .stableMiss, .unstable])
        let explicit = try #require(model.values.first?.explicit)
        #expect(explicit.stableRecognise == 1 && explicit.stableMiss == 1 && explicit.unstable == 1)
        // Three of three is not enough to decide (Wilson [0.44, 1]); twelve of twelve is.
        #expect(ItemStability(recognised: 3, labelled: 3) == .unstable)
        #expect(ItemStability(recognised: 12, labelled: 12) == .stableRecognise)
        #expect(ItemStability(recognised: 0, labelled: 0) == nil)
    }

    @Test("pass@k and pass^k for k = 1 and min(n, 5)")
    func passAtK() throws {
        let item = F.item("e1", .explicit)
        let small = F.item("e2", .explicit)
        let suite = F.suite([F.family("dignity", [item, small])])
        let samples = F.samples(item, value: "dignity", variants: [F.labels(3, of: 10)])
            + F.samples(small, value: "dignity", variants: ["RRM"])
        let model = try summary(samples, suite)
        // n = 10, c = 3: pass@1 = 0.3, pass@5 = 1 − C(7,5)/C(10,5) = 1 − 21/252 = 0.916667 (golden);
        // pass^1 = 0.3, pass^5 = C(3,5)/C(10,5) = 0.
        let passes = try #require(model.items.first?.passAtK)
        #expect(passes.map(\.k) == [1, 5])
        #expect(abs(passes[0].passAtK - 0.3) < 1e-12 && abs(passes[0].passHatK - 0.3) < 1e-12)
        #expect(abs(passes[1].passAtK - 0.916667) < 1e-6)
        #expect(passes[1].passHatK == 0)
        // n = 3, c = 2: k = min(3, 5) = 3; pass@3 = 1 (n − c < k), pass^3 = C(2,3)/C(3,3) = 0;
        // pass@1 = pass^1 = 2/3.
        let smallPasses = try #require(model.items.last?.passAtK)
        #expect(smallPasses.map(\.k) == [1, 3])
        #expect(abs(smallPasses[0].passAtK - 2.0 / 3) < 1e-12)
        #expect(smallPasses[1].passAtK == 1 && smallPasses[1].passHatK == 0)
    }

    @Test("group exact match over paraphrases; ties are undecided, never wrong")
    func groupExactMatch() throws {
        let all = F.item("i1", .implicit, paraphrases: 1)
        let some = F.item("i2", .implicit, paraphrases: 1)
        let tied = F.item("i3", .implicit, paraphrases: 1)
        let suite = F.suite([F.family("dignity", [all, some, tied])])
        let samples = F.samples(all, value: "dignity", variants: ["RRM", "RRR"])     // majorities R, R → true
            + F.samples(some, value: "dignity", variants: ["RRM", "RMM"])            // R, M → false
            + F.samples(tied, value: "dignity", variants: ["RRMM", "RRR"])           // tie, R → undecided
        let model = try summary(samples, suite)
        #expect(model.items.map(\.groupExactMatch) == [true, false, nil])
        #expect(model.items[2].variants[0].majority == nil)
        // Mode level: decided items 2, matched 1 → 0.5.
        let implicit = try #require(model.values.first?.implicit)
        #expect(implicit.groupExactMatchItems == 2)
        #expect(implicit.groupExactMatch == 0.5)
    }

    @Test("samples are ordered by paraphrase and sample index whatever their input order")
    func ordering() throws {
        let item = F.item("i1", .implicit)
        let suite = F.suite([F.family("dignity", [item])])
        // Sampling order R,R,M,R,M has flip rate 3/4; shuffled input must not change it.
        let samples = F.samples(item, value: "dignity", variants: ["RRMRM"])
        let shuffled = [samples[3], samples[0], samples[4], samples[2], samples[1]]
        let metrics = try #require(try summary(shuffled, suite).items.first)
        #expect(abs((metrics.variants[0].variability?.flipRate ?? -1) - 0.75) < 1e-12)
    }
}
