import Statistics
import Testing

@Suite("Preference transitivity")
struct PreferenceTransitivityTests {
    /// Data with P̂(a ≻ b) = tenths[(a, b)] / 10, ten answers per pair, all with `a` shown first.
    private func data(_ n: Int, _ tenths: [(Int, Int, Double)]) throws -> PairwisePreferenceData {
        try PairwisePreferenceData(outcomeCount: n, observations: tenths.map {
            PairwiseObservation(first: $0.0, second: $0.1, firstPreferred: $0.2, secondPreferred: 10 - $0.2)
        })
    }

    @Test("a three-outcome cycle: P_cycle 0.36 (golden), one hard cycle")
    func cycle() throws {
        // 0 ≻ 1 at .8, 1 ≻ 2 at .7, 2 ≻ 0 at .6: .8·.7·.6 + .2·.3·.4 = 0.36.
        let result = try #require(try preferenceTransitivity(data(3, [(0, 1, 8), (1, 2, 7), (2, 0, 6)])))
        #expect(isClose(result.meanCycleProbability, 0.36, tolerance: 1e-12))
        #expect(result.hardCycleRate == 1)
        #expect(result.triadsEvaluated == 1 && result.completeTriads == 1)
    }

    @Test("a strict order answered deterministically has no cycle")
    func transitive() throws {
        var pairs: [(Int, Int, Double)] = []
        for a in 0..<4 { for b in (a + 1)..<4 { pairs.append((a, b, 10)) } }
        let result = try #require(try preferenceTransitivity(data(4, pairs)))
        #expect(result.meanCycleProbability == 0)
        #expect(result.hardCycleRate == 0)
        #expect(result.triadsEvaluated == 4)
    }

    @Test("four outcomes worked by hand: mean P_cycle 0.20, one hard cycle in four triads")
    func mixed() throws {
        // Triads: (0,1,2) .9·.6·.2 + .1·.4·.8 = .14; (0,1,3) .9·.4·.3 + .1·.6·.7 = .15;
        // (0,2,3) .8·.7·.3 + .2·.3·.7 = .21; (1,2,3) .6·.7·.6 + .4·.3·.4 = .30, a hard cycle 1 ≻ 2 ≻ 3 ≻ 1.
        let pairs: [(Int, Int, Double)] = [(0, 1, 9), (0, 2, 8), (0, 3, 7), (1, 2, 6), (1, 3, 4), (2, 3, 7)]
        let result = try #require(try preferenceTransitivity(data(4, pairs)))
        #expect(isClose(result.meanCycleProbability, 0.20, tolerance: 1e-12))
        #expect(result.hardCycleRate == 0.25)
    }

    @Test("a tie has no majority, so it never makes a hard cycle; incomplete triads do not count")
    func tiesAndGaps() throws {
        let tie = try #require(try preferenceTransitivity(data(3, [(0, 1, 5), (1, 2, 7), (2, 0, 6)])))
        #expect(isClose(tie.meanCycleProbability, 0.5 * 0.7 * 0.6 + 0.5 * 0.3 * 0.4, tolerance: 1e-12))
        #expect(tie.hardCycleRate == 0)
        #expect(try preferenceTransitivity(data(3, [(0, 1, 8), (1, 2, 7)])) == nil)
        #expect(throws: StatisticsError.self) { try preferenceTransitivity(data(3, [(0, 1, 8)]), maxTriads: 0) }
    }

    @Test("many triads: a seeded uniform sample of maxTriads, close to the full mean")
    func sampling() throws {
        let simulated = try PreferenceSimulation(outcomes: 30, perOrientation: 5, seed: 6).data
        let full = try #require(try preferenceTransitivity(simulated))
        #expect(full.completeTriads == 4060 && full.triadsEvaluated == 4060)
        let sample = try #require(try preferenceTransitivity(simulated, maxTriads: 1000, seed: 2))
        #expect(sample.triadsEvaluated == 1000 && sample.completeTriads == 4060)
        #expect(abs(sample.meanCycleProbability - full.meanCycleProbability) < 0.02)
        #expect(try preferenceTransitivity(simulated, maxTriads: 1000, seed: 2) == sample)
        #expect(try preferenceTransitivity(simulated, maxTriads: 1000, seed: 3) != sample)
    }
}
