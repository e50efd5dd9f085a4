import Statistics
import Testing

@Suite("Pairwise preference data")
struct PairwisePreferenceDataTests {
    @Test("observations of a pair pool into one edge, kept per orientation")
    func pooling() throws {
        let data = try PairwisePreferenceData(outcomeCount: 3, observations: [
            PairwiseObservation(first: 1, second: 0, firstPreferred: 2, secondPreferred: 3),
            PairwiseObservation(first: 0, second: 1, firstPreferred: 4, secondPreferred: 1),
            PairwiseObservation(first: 0, second: 1, firstPreferred: 1, secondPreferred: 0),
            PairwiseObservation(first: 2, second: 1, firstPreferred: 0, secondPreferred: 0),
        ])
        // The 2–1 pair has no counted answer, so it is not an edge; outcome 2 is uncompared.
        #expect(data.edges.count == 1)
        let edge = try #require(data.edges.first)
        #expect(edge.a == 0 && edge.b == 1)
        #expect(edge.aPreferredWhenAFirst == 5 && edge.bPreferredWhenAFirst == 1)
        #expect(edge.aPreferredWhenBFirst == 3 && edge.bPreferredWhenBFirst == 2)
        #expect(edge.empiricalPreference == 8.0 / 11)
        #expect(edge.preferenceWhenAFirst == 5.0 / 6)
        #expect(edge.preferenceWhenBFirst == 3.0 / 5)
        #expect(data.uncomparedOutcomes == [2])
        #expect(data.components == [[0, 1], [2]])
        #expect(data.comparisonsPerOutcome == [11, 11, 0])
    }

    @Test("bad input is rejected with a one-line error naming the observation")
    func badInput() {
        func reason(_ n: Int, _ observations: [PairwiseObservation]) -> String? {
            do {
                _ = try PairwisePreferenceData(outcomeCount: n, observations: observations)
                return nil
            } catch { return error.reason }
        }
        #expect(reason(1, [PairwiseObservation(first: 0, second: 0, firstPreferred: 1, secondPreferred: 0)])
                == "outcomeCount (1) must be at least 2")
        #expect(reason(3, []) == "no observations")
        #expect(reason(3, [PairwiseObservation(first: 0, second: 3, firstPreferred: 1, secondPreferred: 0)])
                == "observation 0 (0 vs 3): outcome 3 outside 0..<3")
        #expect(reason(3, [PairwiseObservation(first: 2, second: 2, firstPreferred: 1, secondPreferred: 0)])
                == "observation 0 (2 vs 2): an outcome compared with itself")
        #expect(reason(3, [
            PairwiseObservation(first: 0, second: 1, firstPreferred: 1, secondPreferred: 0),
            PairwiseObservation(first: 1, second: 2, firstPreferred: -1, secondPreferred: 0),
        ]) == "observation 1 (1 vs 2): firstPreferred (-1.0) must be finite and not negative")
        #expect(reason(3, [PairwiseObservation(first: 0, second: 1, firstPreferred: 1, secondPreferred: .nan)])
                == "observation 0 (0 vs 1): secondPreferred (nan) must be finite and not negative")
        #expect(reason(3, [PairwiseObservation(first: 0, second: 1, firstPreferred: .infinity, secondPreferred: 0)])
                == "observation 0 (0 vs 1): firstPreferred (inf) must be finite and not negative")
        #expect(reason(3, [PairwiseObservation(first: 0, second: 1, firstPreferred: 0, secondPreferred: 0)])
                == "no observation has a counted answer (all counts are 0)")
    }
}
