import Foundation
import Statistics

/// Simulated pairwise preferences from a known Thurstonian model, for recovery and calibration tests.
struct PreferenceSimulation {
    /// The true model: means ~ N(0, 1), variances exp(U(−1.5, −0.5)).
    let truth: ThurstonianModel
    /// Every pair asked `perOrientation` times in each order, answers drawn from the true P(a ≻ b).
    let data: PairwisePreferenceData

    init(outcomes: Int, perOrientation: Int, seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        func gaussian() -> Double {
            let u1 = max(generator.nextDouble(), 1e-300)
            let u2 = generator.nextDouble()
            return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        }
        let means = (0..<outcomes).map { _ in gaussian() }
        let variances = (0..<outcomes).map { _ in exp(-1.5 + generator.nextDouble()) }
        truth = try ThurstonianModel(means: means, variances: variances)
        var observations: [PairwiseObservation] = []
        for a in 0..<outcomes {
            for b in (a + 1)..<outcomes {
                let p = try truth.preference(of: a, over: b)
                for (first, second) in [(a, b), (b, a)] {
                    var firstPreferred = 0.0
                    for _ in 0..<perOrientation where (generator.nextDouble() < p) == (first == a) {
                        firstPreferred += 1
                    }
                    observations.append(PairwiseObservation(
                        first: first, second: second, firstPreferred: firstPreferred,
                        secondPreferred: Double(perOrientation) - firstPreferred))
                }
            }
        }
        data = try PairwisePreferenceData(outcomeCount: outcomes, observations: observations)
    }
}
