import Foundation
import Statistics
import Testing

@Suite("Variability across repeated samples")
struct VariabilityTests {
    @Test("golden: labels a,a,a,b,b (metrics.md §11)")
    func golden() throws {
        let summary = try #require(variabilitySummary(["a", "a", "a", "b", "b"]))
        #expect(isClose(summary.entropyNats, 0.673012))
        #expect(isClose(summary.entropyBits, 0.970951))
        #expect(isClose(summary.consistencyRate, 0.6))
        #expect(isClose(summary.disagreement, 0.6))
        #expect(summary.distinctLabels == 2)
        #expect(summary.sampleCount == 5)
        #expect(!summary.allIdentical)
        #expect(summary.rate == nil && summary.stability == nil)
        #expect(isClose(discreteEntropy(labels: ["a", "a", "a", "b", "b"], unit: .bits), 0.970951))
        #expect(isClose(try discreteEntropy(counts: [3, 2]), 0.673012))
        #expect(isClose(try entropy([0.6, 0.4], unit: .bits), 0.970951))
        // By hand: −(0.6 ln 0.6 + 0.4 ln 0.4); D = 1 − (3·2 + 2·1)/(5·4).
        #expect(isClose(summary.entropyNats, -(0.6 * log(0.6) + 0.4 * log(0.4)), tolerance: 1e-14))
        #expect(isClose(pairwiseDisagreement(["a", "a", "a", "b", "b"]), 1 - 8.0 / 20, tolerance: 1e-15))
    }

    @Test("golden: flip rate of a,a,b,a,b is 0.75")
    func flip() {
        #expect(isClose(flipRate(["a", "a", "b", "a", "b"]), 0.75))
        #expect(flipRate(["a"]) == nil)
        #expect(flipRate([Int]()) == nil)
    }

    @Test("binary outcomes: rate, internal variance, stability class")
    func binary() throws {
        let nineOfTen = [true, true, true, true, false, true, true, true, true, true]
        let summary = try #require(variabilitySummary(nineOfTen))
        #expect(summary.rate == 0.9)
        #expect(isClose(summary.internalVariance, 0.09, tolerance: 1e-15))
        #expect(summary.stability == .stableRecognise)
        #expect(isClose(summary.flipRate, 2.0 / 9, tolerance: 1e-15))
        #expect(StabilityClass(rate: 0.1) == .stableMiss)
        #expect(StabilityClass(rate: 0.5) == .unstable)
        #expect(StabilityClass(rate: 0.89) == .unstable)
        #expect(StabilityClass(rate: 0.11) == .unstable)
        #expect(StabilityClass(rate: .nan) == .unstable)
        let constant = try #require(variabilitySummary([false, false, false]))
        #expect(constant.allIdentical && constant.entropyNats == 0 && constant.disagreement == 0 && constant.consistencyRate == 1)
        #expect(constant.stability == .stableMiss)
    }

    @Test("empty inputs are undefined, not errors")
    func empty() throws {
        #expect(variabilitySummary([String]()) == nil)
        #expect(variabilitySummary([Bool]()) == nil)
        #expect(consistencyRate([Int]()) == nil)
        #expect(pairwiseDisagreement([1]) == nil)
        #expect(try discreteEntropy(counts: []) == nil)
        #expect(try discreteEntropy(counts: [0, 0]) == nil)
        #expect(throws: StatisticsError.self) { try discreteEntropy(counts: [2, -1]) }
        #expect(throws: StatisticsError.self) { try entropy([0.5, .nan]) }
    }

    @Test("golden: pass@k and pass^k for n = 10, c = 3 (metrics.md §11)")
    func passK() throws {
        #expect(isClose(try passAtK(n: 10, c: 3, k: 1), 0.3))
        #expect(isClose(try passAtK(n: 10, c: 3, k: 5), 0.916667))
        #expect(isClose(try passHatK(n: 10, c: 3, k: 2), 0.066667))
        #expect(isClose(try passHatK(n: 10, c: 3, k: 3), 0.008333))
        // By hand: 1 − C(7,5)/C(10,5) = 1 − 21/252; C(3,2)/C(10,2) = 3/45; plug-in (3/10)² = 0.09 differs.
        #expect(isClose(try passAtK(n: 10, c: 3, k: 5), 1 - 21.0 / 252, tolerance: 1e-14))
        #expect(isClose(try passHatK(n: 10, c: 3, k: 2), 3.0 / 45, tolerance: 1e-15))
        #expect(!isClose(try passHatK(n: 10, c: 3, k: 2), 0.09))
    }

    @Test("pass@k edge cases and large n stay stable")
    func passKEdges() throws {
        #expect(try passAtK(n: 10, c: 3, k: 8) == 1)  // n − c < k
        #expect(try passAtK(n: 10, c: 0, k: 3) == 0)
        #expect(try passHatK(n: 10, c: 2, k: 3) == 0)
        #expect(try passHatK(n: 10, c: 10, k: 10) == 1)
        #expect(try passAtK(n: 3, c: 1, k: 4) == nil)
        #expect(try passHatK(n: 3, c: 1, k: 4) == nil)
        #expect(throws: StatisticsError.self) { try passAtK(n: 5, c: 6, k: 1) }
        #expect(throws: StatisticsError.self) { try passAtK(n: 5, c: 2, k: 0) }
        #expect(throws: StatisticsError.self) { try passHatK(n: -1, c: 0, k: 1) }
        // n = 2000 (factorials would overflow): pass@1 is always c/n; pass^2 = c(c − 1)/(n(n − 1)).
        #expect(isClose(try passAtK(n: 2000, c: 700, k: 1), 0.35, tolerance: 1e-12))
        #expect(isClose(try passHatK(n: 2000, c: 700, k: 2), 700.0 * 699 / (2000 * 1999), tolerance: 1e-14))
    }
}
