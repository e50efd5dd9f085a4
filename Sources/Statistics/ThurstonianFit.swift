import Foundation

/// A fitted Thurstonian model and how the optimiser got there.
public struct ThurstonianFit: Sendable, Codable, Equatable, Hashable {
    /// The model, normalised: means with mean 0 and standard deviation 1, variances rescaled alike.
    public var model: ThurstonianModel
    /// L-BFGS iterations taken.
    public var iterations: Int
    /// Objective evaluations (including line-search trials).
    public var evaluations: Int
    /// Whether the optimiser met its tolerance (or stalled at machine precision) before the iteration cap.
    public var converged: Bool
    /// The final value of the minimised objective: (negative log-likelihood + penalties) / answers.
    public var loss: Double
    /// The final negative log-likelihood per answer on the fitted data, without the penalties.
    public var negativeLogLikelihoodPerAnswer: Double
    /// Largest gradient component of the objective at the end.
    public var gradientNorm: Double
    /// The standard deviation of the raw means that normalisation divided out (1 when all means are equal).
    public var scale: Double
    /// Raw parameters (μ, then s) at the optimum, for warm starts.
    var rawParameters: [Double]
}

/// Fits a Thurstonian model to pairwise preferences by penalised maximum likelihood.
///
/// Parameters: μᵢ and sᵢ = ln σᵢ² per outcome (so σᵢ² = exp(sᵢ) > 0 without constraints). Objective, divided by
/// the total number of answers W:
///   F = [ −Σ_edges (#a·ln Φ(z) + #b·ln Φ(−z)) + (λ_μ/2)·Σμᵢ² + (λ_s/2)·Σsᵢ² ] / W,  z = (μ_a − μ_b)/√(e^{s_a} + e^{s_b}),
/// minimised by L-BFGS from μ = 0, s = 0 with the analytic gradient
///   ∂/∂μ_a = g/r, ∂/∂μ_b = −g/r, ∂/∂s_k = −g·z·e^{s_k}/(2v) for k ∈ {a, b},
/// where v = e^{s_a} + e^{s_b}, r = √v and g = −#a·φ(z)/Φ(z) + #b·φ(−z)/Φ(−z). The fit is deterministic.
/// The result is normalised to means with mean 0 and standard deviation 1.
///
/// - Throws: ``StatisticsError`` when an outcome has no comparison, the comparison graph falls apart into
///   separate groups (their relative utilities would not be identified), or the options are invalid.
public func fitThurstonian(
    _ data: PairwisePreferenceData, options: ThurstonianFitOptions = ThurstonianFitOptions()
) throws(StatisticsError) -> ThurstonianFit {
    let function = "fitThurstonian"
    try options.check(in: function)
    try checkConnected(data, in: function)
    return fitConnectedThurstonian(data, options: options, start: nil)
}

/// Throws unless every outcome is compared and the comparison graph is connected.
func checkConnected(_ data: PairwisePreferenceData, in function: String) throws(StatisticsError) {
    let missing = data.uncomparedOutcomes
    if !missing.isEmpty {
        let listed = missing.prefix(10).map(String.init).joined(separator: ", ")
        throw StatisticsError(
            function: function,
            reason: "\(missing.count) outcome(s) without any comparison: \(listed)\(missing.count > 10 ? ", …" : "")")
    }
    let components = data.components
    if components.count > 1 {
        let sizes = components.prefix(5).map { "\($0.count) starting at outcome \($0[0])" }.joined(separator: "; ")
        throw StatisticsError(
            function: function,
            reason: "the comparisons form \(components.count) separate groups (\(sizes)); utilities across groups are not identified")
    }
}

/// The fit itself, for data already known to be connected and options already checked.
func fitConnectedThurstonian(
    _ data: PairwisePreferenceData, options: ThurstonianFitOptions, start: [Double]?
) -> ThurstonianFit {
    let n = data.outcomeCount
    let edges = data.edges
    let weight = edges.reduce(0) { $0 + $1.total }
    let objective = ThurstonianObjective(
        outcomeCount: n, edges: edges, totalWeight: weight,
        meanPenalty: options.meanPenalty, logVariancePenalty: options.logVariancePenalty)
    let optimiser = LBFGS(
        memory: options.memory, maxIterations: options.maxIterations, gradientTolerance: options.gradientTolerance)
    let initial = start ?? [Double](repeating: 0, count: 2 * n)
    let result = optimiser.minimize(from: initial) { objective.evaluate($0) }

    let rawMeans = Array(result.x[0..<n])
    let variances = result.x[n..<(2 * n)].map { exp($0) }
    let centre = rawMeans.reduce(0, +) / Double(n)
    let spread = standardDeviation(rawMeans) ?? 0
    let scale = spread > 1e-12 ? spread : 1
    let model = ThurstonianModel(
        checkedMeans: rawMeans.map { ($0 - centre) / scale }, variances: variances.map { $0 / (scale * scale) })
    return ThurstonianFit(
        model: model, iterations: result.iterations, evaluations: result.evaluations, converged: result.converged,
        loss: result.value, negativeLogLikelihoodPerAnswer: objective.negativeLogLikelihood(result.x) / weight,
        gradientNorm: result.gradientNorm, scale: scale, rawParameters: result.x)
}
