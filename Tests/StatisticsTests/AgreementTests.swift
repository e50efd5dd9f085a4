import Foundation
import Statistics
import Testing

@Suite("Agreement, judges and scores")
struct AgreementTests {
    @Test("golden: Cohen's κ (metrics.md §11)")
    func kappaGolden() throws {
        let r1 = Array("1111110000")
        let r2 = Array("1111000001")
        let result = try #require(try cohenKappa(r1, r2))
        #expect(isClose(result.observedAgreement, 0.7))
        #expect(isClose(result.chanceAgreement, 0.5))
        #expect(isClose(result.kappa, 0.4))
        #expect(result.count == 10)
    }

    @Test("Cohen's κ with three categories, worked by hand")
    func kappaThreeCategories() throws {
        // p_o = 2/4; p_e = (2·1 + 1·2 + 1·1)/16 = 5/16; κ = (1/2 − 5/16)/(11/16) = 3/11.
        let result = try #require(try cohenKappa(["a", "b", "c", "a"], ["a", "b", "b", "c"]))
        #expect(isClose(result.kappa, 3.0 / 11, tolerance: 1e-15))
        #expect(try cohenKappa([Int](), []) == nil)
        // Both raters constant and identical: p_e = 1, κ undefined.
        let constant = try #require(try cohenKappa([1, 1, 1], [1, 1, 1]))
        #expect(constant.kappa == nil && constant.observedAgreement == 1)
        #expect(throws: StatisticsError.self) { try cohenKappa([1, 2], [1]) }
    }

    @Test("sensitivity, specificity and the judge-corrected rate")
    func judge() throws {
        let counts = try ConfusionCounts(
            predicted: [true, true, false, true, false, false, true, false],
            actual: [true, false, false, true, true, false, true, false]
        )
        #expect(counts.truePositives == 3 && counts.falsePositives == 1)
        #expect(counts.trueNegatives == 3 && counts.falseNegatives == 1)
        #expect(counts.sensitivity == 0.75 && counts.specificity == 0.75)
        #expect(counts.accuracy == 0.75 && counts.precision == 0.75 && counts.f1 == 0.75)
        #expect(ConfusionCounts(truePositives: 0, falsePositives: 0, trueNegatives: 2, falseNegatives: 0).sensitivity == nil)
        #expect(throws: StatisticsError.self) { try ConfusionCounts(predicted: [true], actual: []) }

        // Golden (metrics.md §11): (0.6 + 0.8 − 1)/(0.9 + 0.8 − 1) = 0.4/0.7.
        #expect(isClose(try roganGladen(observed: 0.6, sensitivity: 0.9, specificity: 0.8), 0.571429))
        #expect(try roganGladen(observed: 0.1, sensitivity: 0.9, specificity: 0.8) == 0)  // clipped
        #expect(try roganGladen(observed: 0.99, sensitivity: 0.9, specificity: 0.95) == 1)  // clipped
        #expect(try roganGladen(observed: 0.5, sensitivity: 0.5, specificity: 0.5) == nil)
        #expect(try roganGladen(observed: 0.5, sensitivity: 0.3, specificity: 0.4) == nil)  // worse than chance
        #expect(throws: StatisticsError.self) { try roganGladen(observed: 1.2, sensitivity: 0.9, specificity: 0.8) }
    }

    /// Krippendorff (2011) reliability example; rows are coders A–D, columns units 1–12.
    private let reliabilityData: [[Double?]] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
        [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
    ]

    @Test("golden: Krippendorff's α at three levels (metrics.md §11)")
    func krippendorffGolden() throws {
        #expect(isClose(try krippendorffAlpha(reliabilityData, level: .nominal), 0.743421))
        #expect(isClose(try krippendorffAlpha(reliabilityData, level: .ordinal), 0.815388))
        #expect(isClose(try krippendorffAlpha(reliabilityData, level: .interval), 0.849107))
        let labels: [[String?]] = reliabilityData.map { $0.map { $0.map { "v\(Int($0))" } } }
        #expect(isClose(try krippendorffAlpha(labels: labels), 0.743421))
    }

    @Test("Krippendorff's α on a small example worked by hand")
    func krippendorffByHand() throws {
        // o11 = 2, o12 = o21 = 1, o22 = 4; n1 = 3, n2 = 5, n = 8.
        // D_o = 2/8; D_e = 2·3·5/(8·7); α = 1 − (1/4)/(30/56) = 16/30. Two adjacent values: interval = nominal.
        let data: [[Double?]] = [[1, 1, 2, 2], [1, 2, 2, 2]]
        #expect(isClose(try krippendorffAlpha(data, level: .nominal), 16.0 / 30, tolerance: 1e-14))
        #expect(isClose(try krippendorffAlpha(data, level: .interval), 16.0 / 30, tolerance: 1e-14))
        // Perfect agreement with variation: α = 1.
        #expect(isClose(try krippendorffAlpha([[1, 2, 3], [1, 2, 3]], level: .ratio), 1, tolerance: 1e-15))
        // Undefined: no pairable unit, or a single value throughout.
        #expect(try krippendorffAlpha([[1, nil], [nil, 2]], level: .nominal) == nil)
        #expect(try krippendorffAlpha([[2, 2], [2, 2]], level: .interval) == nil)
        #expect(try krippendorffAlpha([[Double?]](), level: .nominal) == nil)
        #expect(throws: StatisticsError.self) { try krippendorffAlpha([[1, 2], [1]], level: .nominal) }
        #expect(throws: StatisticsError.self) { try krippendorffAlpha([[1, .nan], [1, 2]], level: .nominal) }
    }

    @Test("group exact match")
    func groupExactMatchValues() {
        #expect(groupExactMatch([[true, true], [true, false], [true], [false, false]]) == 0.5)
        #expect(groupExactMatch([[true, true, true], []]) == 1)
        #expect(groupExactMatch([]) == nil)
        #expect(groupExactMatch([[]]) == nil)
    }

    @Test("golden: clustered standard error (metrics.md §11)")
    func clusteredSE() throws {
        let result = try #require(try clusteredStandardError([[1, 1, 0], [1, 0, 0], [1, 1, 1, 1]]))
        #expect(isClose(result.mean, 0.7))
        #expect(isClose(result.standardError, 0.163095))
        // By hand: residual sums −0.1, −1.1, 1.2 → √(0.01 + 1.21 + 1.44)/10.
        #expect(isClose(result.standardError, 2.66.squareRoot() / 10, tolerance: 1e-14))
        #expect(result.count == 10 && result.clusters == 3)
        #expect(try clusteredStandardError([[], []]) == nil)
        #expect(throws: StatisticsError.self) { try clusteredStandardError([[1, .nan]]) }
    }

    @Test("golden: MoReBench rubric score (metrics.md §11)")
    func rubric() throws {
        let criteria = zip([3.0, 2, -1, -2], [true, false, false, true]).map { RubricCriterion(weight: $0, judgedYes: $1) }
        #expect(try rubricScore(criteria) == 50)
        #expect(try rubricScore([]) == 0)
        #expect(try rubricScore([RubricCriterion(weight: 0, judgedYes: true)]) == 0)
        // Huge finite weights: their sum overflows a Double, the score must not become NaN (or 0).
        let huge = [RubricCriterion(weight: 1e308, judgedYes: true), RubricCriterion(weight: 1e308, judgedYes: false),
                    RubricCriterion(weight: -1e308, judgedYes: false), RubricCriterion(weight: -1e308, judgedYes: true)]
        #expect(try rubricScore(huge) == 50)
        #expect(try rubricScore([RubricCriterion(weight: 5e-324, judgedYes: true), RubricCriterion(weight: 5e-324, judgedYes: false)]) == 50)
        #expect(try rubricScore([RubricCriterion(weight: -2, judgedYes: false)]) == 100)
        #expect(throws: StatisticsError.self) { try rubricScore([RubricCriterion(weight: .infinity, judgedYes: true)]) }
        #expect(lengthControlledScore(50, characters: 2000) == 25)
        #expect(lengthControlledScore(50, characters: 0) == nil)
    }

    @Test("golden: generalised Jensen–Shannon divergence (metrics.md §11)")
    func jensenShannon() throws {
        let result = try #require(try jensenShannonDivergence([[0.9, 0.1], [0.5, 0.5], [0.7, 0.3]]))
        #expect(isClose(result.bits, 0.097862))
        #expect(isClose(result.normalized, 0.061744))
        // Counts are normalised: the same distributions as counts give the same divergence.
        let counts = try #require(try jensenShannonDivergence([[9, 1], [5, 5], [14, 6]]))
        #expect(isClose(counts.bits, result.bits, tolerance: 1e-14))
        // Identical distributions: 0; disjoint pair: 1 bit.
        #expect(isClose(try jensenShannonDivergence([[0.2, 0.8], [0.2, 0.8]])?.bits, 0, tolerance: 1e-15))
        #expect(isClose(try jensenShannonDivergence([[1, 0], [0, 1]])?.normalized, 1, tolerance: 1e-15))
        #expect(try jensenShannonDivergence([[0.3, 0.7]])?.normalized == nil)
        #expect(try jensenShannonDivergence([]) == nil)
        #expect(throws: StatisticsError.self) { try jensenShannonDivergence([[0.5, 0.5], [1]]) }
        #expect(throws: StatisticsError.self) { try jensenShannonDivergence([[0, 0], [0.5, 0.5]]) }
        #expect(throws: StatisticsError.self) { try jensenShannonDivergence([[-0.5, 1.5]]) }
    }

    @Test("golden: strong-alignment index (metrics.md §11)")
    func strongAlignment() throws {
        let rates = [ValueRates(explicit: 0.9, implicit: 0.4), ValueRates(explicit: 0.85, implicit: 0.7),
                     ValueRates(explicit: 0.6, implicit: 0.9)]
        let summary = try strongAlignmentIndex(rates, threshold: 0.8)
        #expect(isClose(summary.index, 0.55))
        #expect(isClose(summary.weakOnlyShare, 0.45))
        #expect(summary.valuesPassing == 2 && summary.valuesTotal == 3)
        let none = try strongAlignmentIndex(rates, threshold: 0.95)
        #expect(none.index == nil && none.weakOnlyShare == nil && none.valuesPassing == 0)
        #expect(try strongAlignmentIndex([]).index == nil)
        #expect(throws: StatisticsError.self) { try strongAlignmentIndex([ValueRates(explicit: 1.2, implicit: 0)]) }
        #expect(throws: StatisticsError.self) { try strongAlignmentIndex(rates, threshold: -0.1) }
    }

    @Test("golden: Thurstonian preference and cycle probability (metrics.md §11)")
    func preferences() throws {
        #expect(isClose(try thurstonianPreference(meanA: 0.5, varianceA: 1, meanB: -0.5, varianceB: 1), 0.760250))
        #expect(isClose(try cycleProbability(ab: 0.8, bc: 0.7, ca: 0.6), 0.36))
        #expect(throws: StatisticsError.self) { try thurstonianPreference(meanA: 0, varianceA: 0, meanB: 1, varianceB: 0) }
        #expect(throws: StatisticsError.self) { try cycleProbability(ab: 1.5, bc: 0.7, ca: 0.6) }
    }
}
