import Statistics
import Testing

@Suite("Preference analysis")
struct PreferenceAnalysisTests {
    @Test("one call runs every part from streams derived from one seed")
    func everything() throws {
        let data = try PreferenceSimulation(outcomes: 12, perOrientation: 5, seed: 31).data
        let analysis = try analyzePreferences(data, seed: 4, replicates: 50)
        let holdout = try #require(analysis.holdout)
        #expect(analysis.holdoutUnavailable == nil)
        #expect(holdout == (try evaluateThurstonianHoldout(data, seed: SeededGenerator.derivedSeed(4, 1))))
        #expect(analysis.bootstrap
                == (try bootstrapThurstonian(data, replicates: 50, seed: SeededGenerator.derivedSeed(4, 2))))
        #expect(analysis.transitivity
                == (try preferenceTransitivity(data, seed: SeededGenerator.derivedSeed(4, 3))))
        #expect(analysis.consistency == preferenceConsistency(data))
        #expect(analysis.fit == (try fitThurstonian(data)))
        #expect(try analyzePreferences(data, seed: 4, replicates: 50) == analysis)
    }

    @Test("a design with no spare edge still gets utilities, and says why there is no held-out score")
    func noSpareEdge() throws {
        let chain = try PairwisePreferenceData(outcomeCount: 3, observations: [
            PairwiseObservation(first: 0, second: 1, firstPreferred: 6, secondPreferred: 4),
            PairwiseObservation(first: 1, second: 2, firstPreferred: 6, secondPreferred: 4),
        ])
        let analysis = try analyzePreferences(chain, seed: 1, replicates: 20)
        #expect(analysis.holdout == nil)
        #expect(analysis.holdoutUnavailable
                == "all 2 edges are needed to keep the 3 outcomes connected; none can be held out")
        #expect(analysis.transitivity == nil)
        #expect(analysis.fit.model.ranking == [0, 1, 2])
    }
}
