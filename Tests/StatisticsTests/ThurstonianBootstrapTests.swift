import Statistics
import Testing

@Suite("Thurstonian bootstrap")
struct ThurstonianBootstrapTests {
    @Test("percentile intervals per utility cover the simulated truth")
    func coverage() throws {
        let simulation = try PreferenceSimulation(outcomes: 30, perOrientation: 5, seed: 4)
        let result = try bootstrapThurstonian(simulation.data, replicates: 100, seed: 9)
        #expect(result.replicatesSkipped == 0 && result.replicatesDrawn == 100)
        #expect(result.utilities.count == 30)
        // The truth on the fit's scale: means standardised to mean 0, SD 1.
        let centre = try #require(mean(simulation.truth.means))
        let spread = try #require(standardDeviation(simulation.truth.means))
        var covered = 0
        for (outcome, utility) in result.utilities.enumerated() {
            #expect(utility.estimate == result.fit.model.means[outcome])
            #expect(utility.replicates == 100 && utility.units == 435 && utility.seed == 9)
            #expect(utility.interval.width > 0 && utility.interval.width < 1.5)
            if utility.interval.contains((simulation.truth.means[outcome] - centre) / spread) { covered += 1 }
        }
        // Nominal 95 %: 28.5 of 30 expected; fewer than 25 has probability 0.016 for calibrated intervals.
        #expect(covered >= 25, "\(covered) of 30 intervals cover the truth")
    }

    @Test("same seed, same intervals; another seed, other intervals")
    func determinism() throws {
        let data = try PreferenceSimulation(outcomes: 8, perOrientation: 3, seed: 2).data
        let first = try bootstrapThurstonian(data, replicates: 30, seed: 1)
        #expect(try bootstrapThurstonian(data, replicates: 30, seed: 1) == first)
        #expect(try bootstrapThurstonian(data, replicates: 30, seed: 2).utilities != first.utilities)
    }

    @Test("replicates that lose an outcome are skipped and counted")
    func sparseDesign() throws {
        var observations: [PairwiseObservation] = []
        for leaf in 1...5 {
            observations.append(PairwiseObservation(first: 0, second: leaf, firstPreferred: Double(leaf), secondPreferred: 3))
        }
        let star = try PairwisePreferenceData(outcomeCount: 6, observations: observations)
        let result = try bootstrapThurstonian(star, replicates: 200, seed: 3)
        // A replicate keeps every leaf only when all 5 edges are drawn in 5 draws: 5!/5⁵ ≈ 3.8 %.
        #expect(result.replicatesSkipped > 150 && result.replicatesSkipped < 200)
        #expect(result.utilities[0].replicates == 200 - result.replicatesSkipped)
        #expect(throws: StatisticsError.self) { try bootstrapThurstonian(star, replicates: 0, seed: 3) }
        #expect(throws: StatisticsError.self) { try bootstrapThurstonian(star, confidence: 1, seed: 3) }
    }
}
