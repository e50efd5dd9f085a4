import Foundation
import Statistics
import Testing

@Suite("Student t and the incomplete beta")
struct StudentTTests {
    @Test("incomplete beta matches closed forms")
    func incompleteBeta() throws {
        // I_x(1, 1) = x; I_x(2, 3) = 6x²/2 − 8x³/3 … evaluated: I_0.5(2, 3) = 11/16; I_x(a, 1) = x^a.
        #expect(isClose(try regularizedIncompleteBeta(0.3, a: 1, b: 1), 0.3, tolerance: 1e-13))
        #expect(isClose(try regularizedIncompleteBeta(0.5, a: 2, b: 3), 11.0 / 16.0, tolerance: 1e-13))
        #expect(isClose(try regularizedIncompleteBeta(0.7, a: 3.5, b: 1), pow(0.7, 3.5), tolerance: 1e-13))
        #expect(isClose(try regularizedIncompleteBeta(0.9, a: 20, b: 30), 1 - (try regularizedIncompleteBeta(0.1, a: 30, b: 20)), tolerance: 1e-13))
        #expect(throws: StatisticsError.self) { try regularizedIncompleteBeta(0.5, a: 0, b: 1) }
        #expect(throws: StatisticsError.self) { try regularizedIncompleteBeta(1.5, a: 1, b: 1) }
    }

    @Test("t quantiles match published tables")
    func quantiles() throws {
        // Two-sided 95 % critical values of Student's t.
        for (nu, expected) in [(1.0, 12.706204736), (2, 4.302652730), (3, 3.182446305), (10, 2.228138852),
                               (30, 2.042272456), (1000, 1.962339081)] {
            #expect(isClose(try studentTQuantile(0.975, degreesOfFreedom: nu), expected, tolerance: 1e-7))
            #expect(isClose(try studentTQuantile(0.025, degreesOfFreedom: nu), -expected, tolerance: 1e-7))
        }
        #expect(isClose(try studentTCDF(0, degreesOfFreedom: 5), 0.5, tolerance: 1e-15))
        // F(1) for ν = 1 is the Cauchy CDF: ½ + atan(1)/π = 0.75.
        #expect(isClose(try studentTCDF(1, degreesOfFreedom: 1), 0.75, tolerance: 1e-12))
        #expect(throws: StatisticsError.self) { try studentTQuantile(0.9, degreesOfFreedom: 0) }
    }
}

@Suite("Scenario gap interval and stratified permutation test")
struct ScenarioGapTests {
    private func outcomes(_ recognised: Int, of count: Int) -> [Bool] {
        (0..<count).map { $0 < recognised }
    }

    @Test("the estimate is the mean of the scenario differences; the interval is a t interval")
    func tInterval() throws {
        let scenarios = [
            ScenarioOutcomes(first: outcomes(9, of: 10), second: outcomes(2, of: 10)),
            ScenarioOutcomes(first: outcomes(8, of: 10), second: outcomes(5, of: 10)),
            ScenarioOutcomes(first: outcomes(10, of: 10), second: outcomes(1, of: 10)),
            ScenarioOutcomes(first: [], second: outcomes(1, of: 10)),
        ]
        let gap = try #require(try scenarioGapInterval(scenarios))
        let d = [0.7, 0.3, 0.9]
        #expect(gap.scenarios == 3)
        #expect(gap.method == .scenarioT)
        #expect(gap.degreesOfFreedom == 2)
        #expect(isClose(gap.estimate, d.reduce(0, +) / 3, tolerance: 1e-12))
        let se = (variance(d)! / 3).squareRoot()
        #expect(!gap.samplingFloor)
        #expect(isClose(gap.standardError, se, tolerance: 1e-12))
        #expect(isClose(gap.interval.upper, min(1, gap.estimate + 4.302652730 * se), tolerance: 1e-7))
        #expect(isClose(gap.interval.lower, gap.estimate - 4.302652730 * se, tolerance: 1e-7))
    }

    @Test("identical scenario differences still carry their sampling noise")
    func samplingFloor() throws {
        // The default run's case: every pair shows the same difference, but answers varied within each item.
        let scenario = ScenarioOutcomes(first: outcomes(2, of: 3), second: outcomes(1, of: 3))
        let gap = try #require(try scenarioGapInterval([scenario, scenario, scenario]))
        #expect(gap.samplingFloor)
        #expect(gap.interval.width > 0.5)
        #expect(gap.interval.contains(1.0 / 3.0))
        // One scenario: the conditional interval.
        let one = try #require(try scenarioGapInterval([scenario]))
        #expect(one.method == .conditional)
        #expect(one.degreesOfFreedom == nil)
        let v = (2.0 / 3 * 1 / 3) / 3 * 2
        #expect(isClose(one.standardError, v.squareRoot(), tolerance: 1e-12))
        // Width 0 only when every answer agrees within every condition and scenario.
        let unanimous = ScenarioOutcomes(first: outcomes(3, of: 3), second: outcomes(0, of: 3))
        let certain = try #require(try scenarioGapInterval([unanimous, unanimous]))
        #expect(certain.interval.width == 0)
        #expect(try scenarioGapInterval([ScenarioOutcomes(first: [], second: [true])]) == nil)
    }

    @Test("95 % intervals cover the true gap in 93–97 % of 1,000 simulated runs")
    func coverage() throws {
        // Scenarios are drawn from a population: each scenario's explicit and implicit recognition probabilities
        // are Beta distributed around 0.8 and 0.4 (concentration 4: scenarios differ a lot), and each item is
        // sampled n times. The truth is the population gap 0.8 − 0.4.
        for (scenarios, samples, seed) in [(24, 10, UInt64(11)), (8, 3, 12), (12, 5, 13)] {
            var generator = SeededGenerator(seed: seed)
            var covered = 0
            let runs = 1000
            for _ in 0..<runs {
                let drawn = (0..<scenarios).map { _ in
                    let pE = Self.beta(0.8 * 4, 0.2 * 4, &generator)
                    let pI = Self.beta(0.4 * 4, 0.6 * 4, &generator)
                    return ScenarioOutcomes(first: (0..<samples).map { _ in generator.nextDouble() < pE },
                                            second: (0..<samples).map { _ in generator.nextDouble() < pI })
                }
                let gap = try #require(try scenarioGapInterval(drawn))
                if gap.interval.contains(0.4) { covered += 1 }
            }
            let coverage = Double(covered) / Double(runs)
            #expect(coverage >= 0.93 && coverage <= 0.97, "\(scenarios) scenarios × \(samples) samples: coverage \(coverage)")
        }
    }

    @Test("the permutation test keeps its level under the null and finds a real gap")
    func permutationTest() throws {
        var generator = SeededGenerator(seed: 5)
        var rejections = 0
        let trials = 200
        for trial in 0..<trials {
            // Null: both conditions share each scenario's probability.
            let drawn = (0..<6).map { _ in
                let p = generator.nextDouble()
                return ScenarioOutcomes(first: (0..<5).map { _ in generator.nextDouble() < p },
                                        second: (0..<5).map { _ in generator.nextDouble() < p })
            }
            if let test = try stratifiedPermutationTest(drawn, permutations: 400, seed: UInt64(trial)), test.pValue <= 0.05 {
                rejections += 1
            }
        }
        #expect(Double(rejections) / Double(trials) <= 0.08, "rejected \(rejections) of \(trials) true nulls")

        let gap = (0..<6).map { _ in ScenarioOutcomes(first: outcomes(9, of: 10), second: outcomes(2, of: 10)) }
        let strong = try #require(try stratifiedPermutationTest(gap, permutations: 2000, seed: 1))
        #expect(isClose(strong.statistic, 0.7, tolerance: 1e-12))
        #expect(strong.pValue < 0.001)
        #expect(strong.strata == 6)
        // Reproducible with the seed.
        #expect(try stratifiedPermutationTest(gap, permutations: 2000, seed: 1) == strong)
        // No difference at all: p = 1.
        let none = try #require(try stratifiedPermutationTest(
            [ScenarioOutcomes(first: outcomes(2, of: 4), second: outcomes(2, of: 4))], permutations: 100, seed: 2))
        #expect(none.pValue == 1)
        #expect(throws: StatisticsError.self) { try stratifiedPermutationTest(gap, permutations: 0, seed: 1) }
    }

    /// A Beta(a, b) draw from two gamma draws (Marsaglia–Tsang, with the a < 1 boost).
    static func beta(_ a: Double, _ b: Double, _ generator: inout SeededGenerator) -> Double {
        let x = gamma(a, &generator), y = gamma(b, &generator)
        return x / (x + y)
    }

    static func gamma(_ shape: Double, _ generator: inout SeededGenerator) -> Double {
        if shape < 1 {
            let u = max(generator.nextDouble(), 1e-300)
            return gamma(shape + 1, &generator) * pow(u, 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = normal(&generator)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = generator.nextDouble()
            if u < 1 - 0.0331 * x * x * x * x || log(max(u, 1e-300)) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    static func normal(_ generator: inout SeededGenerator) -> Double {
        let u1 = max(generator.nextDouble(), 1e-300), u2 = generator.nextDouble()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
