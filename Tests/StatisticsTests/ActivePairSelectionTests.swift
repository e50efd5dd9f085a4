import Statistics
import Testing

@Suite("Active pair selection")
struct ActivePairSelectionTests {
    @Test("proposes the pairs the model is least sure about, skipping asked pairs and busy outcomes")
    func proposals() throws {
        let model = try ThurstonianModel(means: [0, 0.1, 1, 2], variances: [1, 1, 1, 1])
        let all = try proposeUncertainPairs(model: model, data: nil, count: 3)
        #expect(all.map { [$0.a, $0.b] } == [[0, 1], [1, 2], [0, 2]])
        #expect(isClose(all[0].predictedPreference, normalCDF(-0.1 / 2.0.squareRoot()), tolerance: 1e-15))
        let asked = try PairwisePreferenceData(outcomeCount: 4, observations: [
            PairwiseObservation(first: 1, second: 0, firstPreferred: 3, secondPreferred: 3),
        ])
        let fresh = try proposeUncertainPairs(model: model, data: asked, count: 2)
        #expect(fresh.map { [$0.a, $0.b] } == [[1, 2], [0, 2]])
        let again = try proposeUncertainPairs(model: model, data: asked, count: 1, unaskedOnly: false)
        #expect(again.map { [$0.a, $0.b] } == [[0, 1]] && again[0].answersSoFar == 6)
        let spread = try proposeUncertainPairs(model: model, data: nil, count: 2, perOutcome: 1)
        #expect(spread.map { [$0.a, $0.b] } == [[0, 1], [2, 3]])
        #expect(throws: StatisticsError.self) { try proposeUncertainPairs(model: model, data: nil, count: 0) }
        let other = try PairwisePreferenceData(outcomeCount: 2, observations: [
            PairwiseObservation(first: 0, second: 1, firstPreferred: 1, secondPreferred: 0),
        ])
        #expect(throws: StatisticsError.self) { try proposeUncertainPairs(model: model, data: other, count: 1) }
    }
}
