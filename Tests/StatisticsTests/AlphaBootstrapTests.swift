import Statistics
import Testing

@Suite("Krippendorff's alpha bootstrap")
struct AlphaBootstrapTests {
    @Test("the estimate is alpha on the data, the interval is seeded and brackets it; undefined data gives nil")
    func bootstrap() throws {
        let first: [String?] = ["r", "r", "m", "m", "r", "m", "m", "r", nil, "m"]
        let second: [String?] = ["r", "m", "m", "m", "r", "m", "r", "r", "m", nil]
        let result = try #require(try krippendorffAlphaBootstrap(labels: [first, second], replicates: 400, seed: 11))
        #expect(result.estimate == (try krippendorffAlpha(labels: [first, second])))
        #expect(result.interval.lower <= result.estimate && result.estimate <= result.interval.upper)
        #expect(result.interval.lower < result.interval.upper)          // 8 pairable units: a real spread
        #expect(result.units == 10 && result.replicates <= 400 && result.replicates > 300)
        #expect(try krippendorffAlphaBootstrap(labels: [first, second], replicates: 400, seed: 11) == result)
        #expect(try krippendorffAlphaBootstrap(labels: [first, second], replicates: 400, seed: 12) != result)

        // Perfect agreement on two labels: every replicate that is defined is 1.
        let same: [String?] = ["a", "b", "a", "b", "a"]
        let perfect = try #require(try krippendorffAlphaBootstrap(labels: [same, same], replicates: 200, seed: 1))
        #expect(perfect.estimate == 1 && perfect.interval.lower == 1 && perfect.interval.upper == 1)

        // One label throughout: alpha is undefined, so is its interval.
        #expect(try krippendorffAlphaBootstrap(labels: [["a", "a"], ["a", "a"]], seed: 1) == nil)
        #expect(throws: StatisticsError.self) { try krippendorffAlphaBootstrap(labels: [same, same], replicates: 0, seed: 1) }
    }
}
