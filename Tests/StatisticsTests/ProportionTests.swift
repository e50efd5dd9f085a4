import Foundation
import Statistics
import Testing

@Suite("Normal distribution and proportion intervals")
struct ProportionTests {
    @Test("normal quantile: known values and round trip through Φ")
    func normalQuantile() throws {
        // 97.5 % point to 15 digits (standard tables / SciPy 1.17 norm.ppf).
        #expect(isClose(try Statistics.normalQuantile(0.975), 1.959963984540054, tolerance: 1e-13))
        #expect(isClose(try Statistics.normalQuantile(0.99), 2.3263478740408408, tolerance: 1e-12))
        #expect(isClose(try Statistics.normalQuantile(0.01), -2.3263478740408408, tolerance: 1e-12))
        #expect(isClose(try Statistics.normalQuantile(0.3), -0.5244005127080409, tolerance: 1e-12))
        #expect(isClose(try Statistics.normalQuantile(1e-10), -6.361340902404056, tolerance: 1e-10))
        #expect(try Statistics.normalQuantile(0.5) == 0)
        #expect(try Statistics.normalQuantile(0) == -.infinity)
        #expect(try Statistics.normalQuantile(1) == .infinity)
        for p in stride(from: 0.001, to: 1, by: 0.0137) {
            #expect(isClose(normalCDF(try Statistics.normalQuantile(p)), p, tolerance: 1e-14))
        }
        #expect(throws: StatisticsError.self) { try Statistics.normalQuantile(1.5) }
        #expect(throws: StatisticsError.self) { try Statistics.normalQuantile(.nan) }
    }

    @Test("Wilson 95 % golden intervals (metrics.md §11)")
    func wilsonGolden() throws {
        let cases: [(Int, Int, Double, Double)] = [
            (7, 10, 0.396778, 0.892209), (0, 10, 0, 0.277533), (10, 10, 0.722467, 1), (3, 5, 0.230724, 0.882379),
        ]
        for (successes, trials, lower, upper) in cases {
            let interval = try #require(try wilsonInterval(successes: successes, trials: trials))
            #expect(isClose(interval.lower, lower), "lower of \(successes)/\(trials)")
            #expect(isClose(interval.upper, upper), "upper of \(successes)/\(trials)")
            #expect(interval.estimate == Double(successes) / Double(trials))
            #expect(interval.confidence == 0.95)
        }
    }

    @Test("Wilson at another confidence matches the closed form with the independent z")
    func wilsonOtherConfidence() throws {
        // 90 %: z = 1.6448536269514722; SciPy 1.17 binomtest(7, 10).proportion_ci(0.9, 'wilson').
        let interval = try #require(try wilsonInterval(successes: 7, trials: 10, confidence: 0.9))
        #expect(isClose(interval.lower, 0.4416997958698351, tolerance: 1e-9))
        #expect(isClose(interval.upper, 0.8731234160968021, tolerance: 1e-9))
    }

    @Test("Wilson edge cases and invalid arguments")
    func wilsonEdges() throws {
        #expect(try wilsonInterval(successes: 0, trials: 0) == nil)
        #expect(throws: StatisticsError.self) { try wilsonInterval(successes: 11, trials: 10) }
        #expect(throws: StatisticsError.self) { try wilsonInterval(successes: -1, trials: 10) }
        #expect(throws: StatisticsError.self) { try wilsonInterval(successes: 1, trials: -10) }
        #expect(throws: StatisticsError.self) { try wilsonInterval(successes: 1, trials: 10, confidence: 1) }
        #expect(throws: StatisticsError.self) { try wilsonInterval(successes: 1, trials: 10, confidence: 0) }
        do {
            _ = try wilsonInterval(successes: 12, trials: 10)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "wilsonInterval: successes (12) exceed trials (10)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("Clopper–Pearson: closed forms at the extremes and SciPy references")
    func clopperPearson() throws {
        // s = 0: upper = 1 − (α/2)^(1/n); s = n: lower = (α/2)^(1/n).
        let none = try #require(try clopperPearsonInterval(successes: 0, trials: 10))
        #expect(none.lower == 0)
        #expect(isClose(none.upper, 1 - pow(0.025, 0.1), tolerance: 1e-12))
        let all = try #require(try clopperPearsonInterval(successes: 10, trials: 10))
        #expect(all.upper == 1)
        #expect(isClose(all.lower, pow(0.025, 0.1), tolerance: 1e-12))
        // SciPy 1.17 binomtest(k, n).proportion_ci(method='exact').
        let seven = try #require(try clopperPearsonInterval(successes: 7, trials: 10))
        #expect(isClose(seven.lower, 0.3475471499399921, tolerance: 1e-10))
        #expect(isClose(seven.upper, 0.9332604888222655, tolerance: 1e-10))
        let three = try #require(try clopperPearsonInterval(successes: 3, trials: 5))
        #expect(isClose(three.lower, 0.14663279963467254, tolerance: 1e-10))
        #expect(isClose(three.upper, 0.9472550494736843, tolerance: 1e-10))
        // Exact intervals contain the Wilson interval's estimate and are at least as wide here.
        let wilson = try #require(try wilsonInterval(successes: 7, trials: 10))
        #expect(seven.width > wilson.width)
        #expect(try clopperPearsonInterval(successes: 0, trials: 0) == nil)
        #expect(throws: StatisticsError.self) { try clopperPearsonInterval(successes: 3, trials: 2) }
    }
}
