import Foundation
import Statistics
import Testing

@Suite("Descriptive statistics")
struct DescriptiveTests {
    @Test("mean, variance, standard deviation, median")
    func basics() {
        let values: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        #expect(mean(values) == 5)
        // Σ(x − 5)² = 32: population variance 4, sample variance 32/7.
        #expect(variance(values, correction: 0) == 4)
        #expect(isClose(variance(values), 32.0 / 7, tolerance: 1e-15))
        #expect(standardDeviation(values, correction: 0) == 2)
        #expect(median(values) == 4.5)
        #expect(median([3, 1, 2]) == 2)
        #expect(proportion([true, false, true, true]) == 0.75)
        #expect(mean([]) == nil && median([]) == nil && proportion([]) == nil)
        #expect(variance([1]) == nil)
        #expect(variance([1], correction: 0) == 0)
    }

    @Test("percentile interpolates linearly like NumPy's default")
    func percentiles() throws {
        // h = (n − 1)·q/100: [1,2,3,4] at 25 → h = 0.75 → 1.75; [10…50] at 90 → h = 3.6 → 46.
        #expect(isClose(try percentile([4, 1, 3, 2], 25), 1.75, tolerance: 1e-15))
        #expect(isClose(try percentile([10, 20, 30, 40, 50], 90), 46, tolerance: 1e-12))
        #expect(try percentile([10, 20, 30, 40, 50], 0) == 10)
        #expect(try percentile([10, 20, 30, 40, 50], 100) == 50)
        #expect(try percentile([7], 33) == 7)
        #expect(try percentile([], 50) == nil)
        #expect(isClose(try quantile([1, 2, 3, 4], 0.25), 1.75, tolerance: 1e-15))
        #expect(throws: StatisticsError.self) { try percentile([1, 2], 101) }
        #expect(throws: StatisticsError.self) { try quantile([1, 2], -0.1) }
    }

    @Test("result types round-trip through Codable")
    func codable() throws {
        let interval = Interval(lower: 0.1, upper: 0.9, estimate: 0.5)
        let result = BootstrapResult(estimate: 0.5, interval: interval, standardError: 0.1, replicates: 2000, seed: .max, units: 7)
        let encoded = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(BootstrapResult.self, from: encoded) == result)
        let mcnemar = try mcnemarTest(b: 8, c: 2)
        #expect(try JSONDecoder().decode(McNemarResult.self, from: JSONEncoder().encode(mcnemar)) == mcnemar)
        #expect(interval.contains(0.5) && !interval.contains(0.95))
        #expect(isClose(interval.width, 0.8, tolerance: 1e-15))
    }
}
