import Statistics
import Testing

@Suite("Preference decisiveness and order consistency")
struct PreferenceConsistencyTests {
    @Test("worked by hand")
    func byHand() throws {
        let data = try PairwisePreferenceData(outcomeCount: 3, observations: [
            // 0 vs 1: 0 chosen 4 of 5 when shown first, 2 of 5 when shown second; pooled 6/10.
            PairwiseObservation(first: 0, second: 1, firstPreferred: 4, secondPreferred: 1),
            PairwiseObservation(first: 1, second: 0, firstPreferred: 3, secondPreferred: 2),
            // 0 vs 2, one order only: 0 always.
            PairwiseObservation(first: 0, second: 2, firstPreferred: 10, secondPreferred: 0),
        ])
        let result = preferenceConsistency(data)
        #expect(isClose(result.decisiveness, (0.2 + 1) / 2, tolerance: 1e-12))
        #expect(result.decisiveShare == 0.5)
        #expect(result.edges == 2)
        #expect(isClose(result.orderDiscrepancy, 0.4, tolerance: 1e-12))
        #expect(isClose(result.orderConsistency, 0.6, tolerance: 1e-12))
        #expect(result.edgesWithBothOrders == 1)
        // Shown first and chosen: 4 + 3 + 10 of 20 answers.
        #expect(result.firstPositionRate == 17.0 / 20)
    }

    @Test("one order only: no order consistency, not a silent 1")
    func oneOrder() throws {
        let data = try PairwisePreferenceData(outcomeCount: 2, observations: [
            PairwiseObservation(first: 0, second: 1, firstPreferred: 5, secondPreferred: 5),
        ])
        let result = preferenceConsistency(data)
        #expect(result.orderDiscrepancy == nil && result.orderConsistency == nil)
        #expect(result.decisiveness == 0 && result.decisiveShare == 0)
    }
}
