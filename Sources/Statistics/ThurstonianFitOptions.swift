/// Settings of ``fitThurstonian(_:options:)``.
public struct ThurstonianFitOptions: Sendable, Codable, Equatable, Hashable {
    /// λ_μ: ridge penalty (λ_μ/2)·Σμᵢ² on the raw means, in units of answers. It pins the free shift of the
    /// utilities (the likelihood only sees differences) and keeps the fit finite when one outcome always wins.
    public var meanPenalty: Double
    /// λ_s: ridge penalty (λ_s/2)·Σsᵢ² on the log-variances sᵢ = ln σᵢ², in units of answers. It pins the free
    /// common scale of means and standard deviations and keeps σ away from 0 on perfectly separated data.
    public var logVariancePenalty: Double
    /// L-BFGS iteration cap.
    public var maxIterations: Int
    /// Convergence: largest gradient component of the per-answer objective.
    public var gradientTolerance: Double
    /// L-BFGS memory (pairs kept).
    public var memory: Int

    /// The defaults: λ_μ = 0.01, λ_s = 1, at most 1,000 iterations, tolerance 10⁻⁷, memory 10.
    public init(
        meanPenalty: Double = 0.01, logVariancePenalty: Double = 1, maxIterations: Int = 1000,
        gradientTolerance: Double = 1e-7, memory: Int = 10
    ) {
        self.meanPenalty = meanPenalty
        self.logVariancePenalty = logVariancePenalty
        self.maxIterations = maxIterations
        self.gradientTolerance = gradientTolerance
        self.memory = memory
    }

    func check(in function: String) throws(StatisticsError) {
        for (name, value) in [("meanPenalty", meanPenalty), ("logVariancePenalty", logVariancePenalty)] {
            guard value.isFinite, value > 0 else {
                throw StatisticsError(function: function, reason: "\(name) (\(value)) must be finite and > 0")
            }
        }
        guard maxIterations >= 1 else {
            throw StatisticsError(function: function, reason: "maxIterations (\(maxIterations)) must be at least 1")
        }
        guard gradientTolerance.isFinite, gradientTolerance > 0 else {
            throw StatisticsError(
                function: function, reason: "gradientTolerance (\(gradientTolerance)) must be finite and > 0")
        }
        guard memory >= 1 else {
            throw StatisticsError(function: function, reason: "memory (\(memory)) must be at least 1")
        }
    }
}
