import Foundation
import Statistics
import Testing

@Suite("Thurstonian held-out evaluation")
struct ThurstonianHoldoutTests {
    @Test("held-out log loss is calibrated: close to the true model's on the same edges")
    func calibration() throws {
        var differences: [Double] = []
        var fittedAccuracy = 0.0, trueAccuracy = 0.0
        for seed: UInt64 in 1...5 {
            let simulation = try PreferenceSimulation(outcomes: 30, perOrientation: 5, seed: seed)
            let holdout = try evaluateThurstonianHoldout(simulation.data, seed: seed)
            let truth = try simulation.truth.score(on: holdout.heldOutEdges)
            let difference = holdout.score.logLoss - truth.logLoss
            differences.append(difference)
            fittedAccuracy += holdout.score.accuracy / 5
            trueAccuracy += truth.accuracy / 5
            // Far better than a model that always says ½ (ln 2 ≈ 0.693) …
            #expect(holdout.score.logLoss < log(2) - 0.15, "seed \(seed): \(holdout.score.logLoss)")
            // … and never far worse than the truth on any one split of 22 edges.
            #expect(difference < 0.06, "seed \(seed): fitted \(holdout.score.logLoss) vs true \(truth.logLoss)")
        }
        // Expected excess of a fitted model ≈ (free parameters)/(2 · answers) ≈ 58/8,260 ≈ 0.007 nats; over 40
        // simulated data sets the excess had mean 0.010 and SD 0.010, so the mean of five lies within ±0.02 of
        // 0.01 unless the fit is miscalibrated (over-confident fits, as without the log-variance penalty, give
        // 0.03–0.4).
        let meanDifference = differences.reduce(0, +) / 5
        #expect(meanDifference > -0.01 && meanDifference < 0.03, "excess held-out log loss \(differences)")
        #expect(fittedAccuracy > trueAccuracy - 0.05)
    }

    @Test("the split holds out round(5 %) of the edges, keeps training connected and follows the seed")
    func split() throws {
        let data = try PreferenceSimulation(outcomes: 30, perOrientation: 2, seed: 8).data
        let first = try evaluateThurstonianHoldout(data, seed: 3)
        #expect(first.heldOutEdges.count == 22)
        #expect(first.trainingEdgeCount == 435 - 22)
        #expect(first.score.edges == 22)
        #expect(Set(first.heldOutEdges).isSubset(of: Set(data.edges)))
        #expect(first.fit.model.outcomeCount == 30)
        #expect(try evaluateThurstonianHoldout(data, seed: 3) == first)
        let other = try evaluateThurstonianHoldout(data, seed: 4)
        #expect(other.heldOutEdges != first.heldOutEdges)
        let tenth = try evaluateThurstonianHoldout(data, fraction: 0.1, seed: 3)
        #expect(tenth.heldOutEdges.count == 44)
    }

    @Test("on a sparse design the held-out edges never cut an outcome off")
    func sparse() throws {
        // A ring of 10 outcomes and 5 chords: 15 edges, of which a spanning tree needs 9.
        var observations: [PairwiseObservation] = []
        for a in 0..<10 {
            observations.append(PairwiseObservation(first: a, second: (a + 1) % 10, firstPreferred: 3, secondPreferred: 2))
        }
        for a in 0..<5 {
            observations.append(PairwiseObservation(first: a, second: a + 5, firstPreferred: 2, secondPreferred: 3))
        }
        let data = try PairwisePreferenceData(outcomeCount: 10, observations: observations)
        for seed: UInt64 in 0..<20 {
            // Half of 15 would be 8, but only 6 edges lie outside a spanning tree.
            let holdout = try evaluateThurstonianHoldout(data, fraction: 0.5, seed: seed)
            #expect(holdout.heldOutEdges.count == 6 && holdout.trainingEdgeCount == 9)
            let training = data.edges.filter { !holdout.heldOutEdges.contains($0) }
            var reached: Set<Int> = [0]
            var frontier = [0]
            while let outcome = frontier.popLast() {
                for edge in training where edge.a == outcome || edge.b == outcome {
                    let other = edge.a == outcome ? edge.b : edge.a
                    if reached.insert(other).inserted { frontier.append(other) }
                }
            }
            #expect(reached.count == 10, "seed \(seed): training reaches \(reached.count) outcomes")
        }
    }

    @Test("a star of comparisons cannot lose an edge; bad fractions are errors")
    func errors() throws {
        let star = try PairwisePreferenceData(outcomeCount: 3, observations: [
            PairwiseObservation(first: 0, second: 1, firstPreferred: 3, secondPreferred: 2),
            PairwiseObservation(first: 0, second: 2, firstPreferred: 3, secondPreferred: 2),
        ])
        #expect(throws: StatisticsError(
            function: "evaluateThurstonianHoldout",
            reason: "all 2 edges are needed to keep the outcomes connected; none can be held out")) {
            try evaluateThurstonianHoldout(star, seed: 1)
        }
        #expect(throws: StatisticsError.self) { try evaluateThurstonianHoldout(star, fraction: 0, seed: 1) }
        #expect(throws: StatisticsError.self) { try evaluateThurstonianHoldout(star, fraction: 0.6, seed: 1) }
    }

    @Test("log loss and accuracy follow their definitions on a worked example")
    func scoreByHand() throws {
        let model = try ThurstonianModel(means: [0.5, -0.5, 0], variances: [1, 1, 1])
        let edges = [
            PreferenceEdge(a: 0, b: 1, aPreferredWhenAFirst: 3, bPreferredWhenAFirst: 1),  // P̂ = 0.75
            PreferenceEdge(a: 1, b: 2, aPreferredWhenAFirst: 2, bPreferredWhenBFirst: 2),  // P̂ = 0.5
        ]
        let p01 = 0.7602499389065233, p12 = normalCDF(-0.5 / 2.0.squareRoot())
        let expected = -(0.75 * log(p01) + 0.25 * log(1 - p01) + 0.5 * log(p12) + 0.5 * log(1 - p12)) / 2
        let score = try model.score(on: edges)
        #expect(isClose(score.logLoss, expected, tolerance: 1e-12))
        // Edge 0–1: both sides prefer 0. Edge 1–2: P < ½ but P̂ = ½ counts as "≥ ½", so they disagree.
        #expect(score.accuracy == 0.5)
        let perAnswer = -(3 * log(p01) + log(1 - p01) + 2 * log(p12) + 2 * log(1 - p12)) / 8
        #expect(isClose(score.negativeLogLikelihoodPerAnswer, perAnswer, tolerance: 1e-12))
    }
}
