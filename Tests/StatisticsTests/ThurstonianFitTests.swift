import Foundation
@testable import Statistics
import Testing

@Suite("Thurstonian fit")
struct ThurstonianFitTests {
    @Test("recovers simulated utilities: Spearman ≥ 0.95, 30 outcomes, K = 10 per pair in both orders")
    func recovery() throws {
        for seed: UInt64 in [1, 2, 3] {
            let simulation = try PreferenceSimulation(outcomes: 30, perOrientation: 5, seed: seed)
            let fit = try fitThurstonian(simulation.data)
            #expect(fit.converged)
            #expect(fit.iterations > 0 && fit.iterations < 1000)
            let rho = try #require(try spearmanCorrelation(fit.model.means, simulation.truth.means))
            #expect(rho >= 0.95, "seed \(seed): Spearman \(rho)")
            // Normalised: mean 0, standard deviation 1.
            #expect(isClose(mean(fit.model.means), 0, tolerance: 1e-12))
            #expect(isClose(standardDeviation(fit.model.means), 1, tolerance: 1e-12))
            #expect(fit.model.variances.allSatisfy { $0 > 0 && $0.isFinite })
            // The training fit is better than the coin-flip model and the loss includes the (small) penalty.
            #expect(fit.negativeLogLikelihoodPerAnswer < log(2) - 0.1)
            #expect(fit.loss >= fit.negativeLogLikelihoodPerAnswer)
            #expect(fit.loss - fit.negativeLogLikelihoodPerAnswer < 0.01)
        }
    }

    @Test("the analytic gradient matches central finite differences")
    func gradient() throws {
        let simulation = try PreferenceSimulation(outcomes: 6, perOrientation: 3, seed: 11)
        let data = simulation.data
        let objective = ThurstonianObjective(
            outcomeCount: 6, edges: data.edges, totalWeight: data.edges.reduce(0) { $0 + $1.total },
            meanPenalty: 0.01, logVariancePenalty: 1)
        var generator = SeededGenerator(seed: 5)
        let x = (0..<12).map { _ in generator.nextDouble() * 2 - 1 }
        let analytic = objective.evaluate(x).gradient
        for k in 0..<12 {
            var up = x, down = x
            up[k] += 1e-6
            down[k] -= 1e-6
            let numeric = (objective.evaluate(up).value - objective.evaluate(down).value) / 2e-6
            #expect(abs(numeric - analytic[k]) < 1e-7, "component \(k): \(numeric) vs \(analytic[k])")
        }
    }

    @Test("two outcomes: the fitted preference reproduces the observed share")
    func twoOutcomes() throws {
        let data = try PairwisePreferenceData(outcomeCount: 2, observations: [
            PairwiseObservation(first: 0, second: 1, firstPreferred: 7, secondPreferred: 3),
            PairwiseObservation(first: 1, second: 0, firstPreferred: 3, secondPreferred: 7),
        ])
        let fit = try fitThurstonian(data)
        // The penalties are tiny against 20 answers, so the maximum-likelihood P(0 ≻ 1) = 14/20 is nearly met.
        #expect(isClose(try fit.model.preference(of: 0, over: 1), 0.7, tolerance: 0.005))
        #expect(fit.model.ranking == [0, 1])
    }

    @Test("a deterministic strict order gives a finite fit in the right order")
    func separatedData() throws {
        var observations: [PairwiseObservation] = []
        for a in 0..<4 {
            for b in (a + 1)..<4 {
                observations.append(PairwiseObservation(first: a, second: b, firstPreferred: 0, secondPreferred: 5))
                observations.append(PairwiseObservation(first: b, second: a, firstPreferred: 5, secondPreferred: 0))
            }
        }
        let fit = try fitThurstonian(PairwisePreferenceData(outcomeCount: 4, observations: observations))
        #expect(fit.converged)
        #expect(fit.model.ranking == [3, 2, 1, 0])
        #expect(fit.model.means.allSatisfy(\.isFinite) && fit.model.variances.allSatisfy { $0 > 0 && $0.isFinite })
        #expect(try fit.model.preference(of: 3, over: 0) > 0.99)
    }

    @Test("indifference everywhere gives equal utilities")
    func indifference() throws {
        let data = try PairwisePreferenceData(outcomeCount: 3, observations: [
            PairwiseObservation(first: 0, second: 1, firstPreferred: 5, secondPreferred: 5),
            PairwiseObservation(first: 1, second: 2, firstPreferred: 5, secondPreferred: 5),
            PairwiseObservation(first: 2, second: 0, firstPreferred: 5, secondPreferred: 5),
        ])
        let fit = try fitThurstonian(data)
        #expect(fit.model.means == [0, 0, 0])
        #expect(fit.scale == 1)
    }

    @Test("same data, same fit, bit for bit")
    func determinism() throws {
        let simulation = try PreferenceSimulation(outcomes: 12, perOrientation: 4, seed: 21)
        #expect(try fitThurstonian(simulation.data) == fitThurstonian(simulation.data))
    }

    @Test("uncompared outcomes, separate groups and bad options are errors")
    func errors() throws {
        let isolated = try PairwisePreferenceData(outcomeCount: 4, observations: [
            PairwiseObservation(first: 0, second: 1, firstPreferred: 1, secondPreferred: 2),
            PairwiseObservation(first: 1, second: 2, firstPreferred: 1, secondPreferred: 2),
        ])
        #expect(throws: StatisticsError(
            function: "fitThurstonian", reason: "1 outcome(s) without any comparison: 3")) {
            try fitThurstonian(isolated)
        }
        let split = try PairwisePreferenceData(outcomeCount: 4, observations: [
            PairwiseObservation(first: 0, second: 1, firstPreferred: 1, secondPreferred: 2),
            PairwiseObservation(first: 2, second: 3, firstPreferred: 1, secondPreferred: 2),
        ])
        #expect(throws: StatisticsError(
            function: "fitThurstonian",
            reason: "the comparisons form 2 separate groups (2 starting at outcome 0; 2 starting at outcome 2); utilities across groups are not identified")) {
            try fitThurstonian(split)
        }
        let connected = try PairwisePreferenceData(outcomeCount: 2, observations: [
            PairwiseObservation(first: 0, second: 1, firstPreferred: 1, secondPreferred: 2),
        ])
        #expect(throws: StatisticsError.self) { try fitThurstonian(connected, options: .init(meanPenalty: 0)) }
        #expect(throws: StatisticsError.self) { try fitThurstonian(connected, options: .init(logVariancePenalty: .nan)) }
        #expect(throws: StatisticsError.self) { try fitThurstonian(connected, options: .init(maxIterations: 0)) }
        #expect(throws: StatisticsError.self) { try ThurstonianModel(means: [0, 1], variances: [1, 0]) }
        #expect(throws: StatisticsError.self) { try ThurstonianModel(means: [0, .nan], variances: [1, 1]) }
        #expect(throws: StatisticsError.self) { try ThurstonianModel(means: [0], variances: [1, 1]) }
        let model = try ThurstonianModel(means: [0.5, -0.5], variances: [1, 1])
        #expect(throws: StatisticsError.self) { try model.preference(of: 0, over: 2) }
        #expect(throws: StatisticsError.self) { try model.score(on: []) }
    }

    @Test("the model's preference is the Thurstonian probability (golden 0.760250)")
    func modelPreference() throws {
        let model = try ThurstonianModel(means: [0.5, -0.5], variances: [1, 1])
        #expect(isClose(try model.preference(of: 0, over: 1), 0.760250, tolerance: 1e-6))
        #expect(isClose(try model.preference(of: 1, over: 0), 1 - 0.760250, tolerance: 1e-6))
    }

    @Test("ln Φ and its derivative stay accurate deep in the lower tail")
    func logNormalCDF() {
        for z in stride(from: -20.0, through: 5, by: 0.5) {
            #expect(isClose(normalLogCDF(z), log(normalCDF(z)), tolerance: 1e-12 * max(1, abs(log(normalCDF(z))))))
        }
        // Continuity where the asymptotic series takes over, and the known leading behaviour far out.
        let inside = normalLogCDF(-29.999999), outside = normalLogCDF(-30.000001)
        #expect(abs(inside - outside) < 1e-4)
        #expect(isClose(normalLogCDF(-40), -804.608442013754, tolerance: 1e-9))
        #expect(isClose(normalLogCDFDerivative(-29.999999), normalLogCDFDerivative(-30.000001), tolerance: 1e-4))
        #expect(normalLogCDF(-1e4).isFinite && normalLogCDFDerivative(-1e4).isFinite)
        for z in [-35.0, -3, 0, 2] {
            let numeric = (normalLogCDF(z + 1e-6) - normalLogCDF(z - 1e-6)) / 2e-6
            #expect(abs(numeric - normalLogCDFDerivative(z)) < 1e-5 * max(1, abs(z)))
        }
    }
}
