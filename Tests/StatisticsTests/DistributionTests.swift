import Foundation
import Statistics
import Testing

@Suite("Binomial, gamma and χ² distributions")
struct DistributionTests {
    /// Exact binomial CDF by summing n choose i with integers (small n only).
    private func exactCDF(_ k: Int, _ n: Int, _ p: Double) -> Double {
        var choose = 1.0
        var sum = 0.0
        for i in 0...n {
            if i > 0 { choose = choose * Double(n - i + 1) / Double(i) }
            if i <= k { sum += choose * pow(p, Double(i)) * pow(1 - p, Double(n - i)) }
        }
        return sum
    }

    @Test("binomial CDF against exact sums and SciPy references")
    func binomialCDFValues() throws {
        for n in [1, 5, 10, 17] {
            for p in [0.1, 0.5, 0.73] {
                for k in -1...(n + 1) {
                    let expected = k < 0 ? 0 : (k >= n ? 1 : exactCDF(k, n, p))
                    #expect(isClose(try binomialCDF(k, trials: n, probability: p), expected, tolerance: 1e-12))
                }
            }
        }
        // SciPy 1.17 binom.cdf.
        #expect(isClose(try binomialCDF(3, trials: 20, probability: 0.3), 0.10708680450373087, tolerance: 1e-12))
        #expect(isClose(try binomialCDF(60, trials: 100, probability: 0.55), 0.8657459589453078, tolerance: 1e-12))
        #expect(isClose(try binomialCDF(2, trials: 1000, probability: 0.01), 0.00267943199379151, tolerance: 1e-14))
        // 2·P(X ≤ 2 | 10, ½) = 2·56/1024.
        #expect(isClose(try binomialCDF(2, trials: 10, probability: 0.5), 56.0 / 1024, tolerance: 1e-15))
        #expect(try binomialCDF(0, trials: 5, probability: 0) == 1)
        #expect(try binomialCDF(4, trials: 5, probability: 1) == 0)
        #expect(isClose(try binomialPMF(3, trials: 5, probability: 0.5), 10.0 / 32, tolerance: 1e-15))
        #expect(try binomialPMF(6, trials: 5, probability: 0.5) == 0)
        #expect(throws: StatisticsError.self) { try binomialCDF(1, trials: -1, probability: 0.5) }
        #expect(throws: StatisticsError.self) { try binomialCDF(1, trials: 3, probability: 1.2) }
    }

    @Test("χ² survival at the textbook 5 % critical values")
    func chiSquaredQuantiles() throws {
        #expect(isClose(try chiSquaredSurvival(3.841459, degreesOfFreedom: 1), 0.05))
        #expect(isClose(try chiSquaredSurvival(5.991465, degreesOfFreedom: 2), 0.05))
        #expect(isClose(try chiSquaredSurvival(7.814728, degreesOfFreedom: 3), 0.05))
        #expect(isClose(try chiSquaredSurvival(11.070498, degreesOfFreedom: 5), 0.05))
        #expect(isClose(try chiSquaredSurvival(43.772972, degreesOfFreedom: 30), 0.05))
        #expect(isClose(try chiSquaredSurvival(6.634897, degreesOfFreedom: 1), 0.01))
    }

    @Test("χ² survival against closed forms for df = 2, 3, 4")
    func chiSquaredClosedForms() throws {
        for x in [0.01, 0.3, 1, 2.5, 4, 7.5, 12, 30, 80] {
            // df 2: e^{−x/2}; df 4: e^{−x/2}(1 + x/2); df 3: erfc(√(x/2)) + √(2x/π)·e^{−x/2}.
            let two = exp(-x / 2)
            let four = exp(-x / 2) * (1 + x / 2)
            let three = erfc((x / 2).squareRoot()) + (2 * x / Double.pi).squareRoot() * exp(-x / 2)
            #expect(abs(try chiSquaredSurvival(x, degreesOfFreedom: 2) - two) <= 1e-12 * two)
            #expect(isClose(try chiSquaredSurvival(x, degreesOfFreedom: 4), four, tolerance: 1e-13))
            #expect(isClose(try chiSquaredSurvival(x, degreesOfFreedom: 3), three, tolerance: 1e-13))
        }
        // Far tail keeps relative precision: SciPy 1.17 chi2.sf(100, 3).
        let tail = try chiSquaredSurvival(100, degreesOfFreedom: 3)
        #expect(abs(tail - 1.5541594313896026e-21) / 1.5541594313896026e-21 < 1e-10)
        #expect(isClose(try chiSquaredSurvival(0.5, degreesOfFreedom: 7), 0.9994464813904249, tolerance: 1e-12))
        #expect(try chiSquaredSurvival(0, degreesOfFreedom: 3) == 1)
        #expect(try chiSquaredSurvival(-1, degreesOfFreedom: 3) == 1)
        #expect(try chiSquaredSurvival(.infinity, degreesOfFreedom: 3) == 0)
        #expect(throws: StatisticsError.self) { try chiSquaredSurvival(1, degreesOfFreedom: 0) }
        #expect(throws: StatisticsError.self) { try chiSquaredSurvival(.nan, degreesOfFreedom: 1) }
    }

    @Test("regularized gamma P + Q = 1 and SciPy references")
    func regularizedGamma() throws {
        // SciPy 1.17 gammainc / gammaincc.
        #expect(isClose(try regularizedGammaP(2.5, 1), 0.15085496391539038, tolerance: 1e-13))
        #expect(isClose(try regularizedGammaQ(2.5, 1), 0.8491450360846096, tolerance: 1e-13))
        let smallTail = try regularizedGammaQ(0.5, 30)
        #expect(abs(smallTail - 9.485737571073857e-15) / 9.485737571073857e-15 < 1e-10)
        for a in [0.3, 1, 4.5, 20] {
            for x in [0.1, 1, 5, 25] {
                #expect(isClose(try regularizedGammaP(a, x) + (try regularizedGammaQ(a, x)), 1, tolerance: 1e-13))
            }
        }
        // a = 1: P(1, x) = 1 − e^{−x}.
        #expect(isClose(try regularizedGammaP(1, 0.7), 1 - exp(-0.7), tolerance: 1e-14))
        #expect(throws: StatisticsError.self) { try regularizedGammaP(0, 1) }
        #expect(throws: StatisticsError.self) { try regularizedGammaQ(1, -1) }
    }
}
