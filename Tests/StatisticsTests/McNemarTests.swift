import Foundation
import Statistics
import Testing

@Suite("McNemar test")
struct McNemarTests {
    @Test("golden: b = 8, c = 2 (metrics.md §11)")
    func golden() throws {
        let result = try mcnemarTest(b: 8, c: 2)
        #expect(isClose(result.statistic, 2.5))
        #expect(isClose(result.chiSquaredPValue, 0.113846))
        #expect(isClose(result.exactPValue, 0.109375))
        #expect(result.method == .exactBinomial)
        #expect(result.pValue == result.exactPValue)
        // By hand: 2·(C(10,0) + C(10,1) + C(10,2))/2¹⁰ = 2·56/1024.
        #expect(isClose(result.exactPValue, 112.0 / 1024, tolerance: 1e-14))
    }

    @Test("large discordant counts use the χ² p-value")
    func chiSquaredMethod() throws {
        let result = try mcnemarTest(b: 30, c: 12)
        #expect(result.method == .chiSquared)
        // χ² = (18 − 1)²/42; p = erfc(√(χ²/2)).
        let statistic = 289.0 / 42
        #expect(isClose(result.statistic, statistic, tolerance: 1e-12))
        #expect(isClose(result.pValue, erfc((statistic / 2).squareRoot()), tolerance: 1e-12))
        #expect(result.pValue == result.chiSquaredPValue)
    }

    @Test("edge cases: no discordant pairs, b = c, invalid counts")
    func edges() throws {
        let none = try mcnemarTest(b: 0, c: 0)
        #expect(none.pValue == 1 && none.exactPValue == 1 && none.chiSquaredPValue == 1 && none.statistic == 0)
        let tied = try mcnemarTest(b: 5, c: 5)
        #expect(tied.statistic == 0)
        #expect(tied.chiSquaredPValue == 1)
        #expect(tied.exactPValue == 1)
        #expect(throws: StatisticsError.self) { try mcnemarTest(b: -1, c: 3) }
        #expect(throws: StatisticsError.self) { try mcnemarTest(first: [true], second: []) }
    }

    @Test("paired outcomes are tallied into b and c")
    func fromOutcomes() throws {
        let first = [true, true, false, true, false, false, true]
        let second = [false, true, true, false, false, true, false]
        let result = try mcnemarTest(first: first, second: second)
        #expect(result.b == 3)
        #expect(result.c == 2)
    }
}
