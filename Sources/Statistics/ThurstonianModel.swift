/// A Thurstonian utility model: outcome i has utility Uᵢ ~ N(μᵢ, σᵢ²) and
/// P(i ≻ j) = Φ((μᵢ − μⱼ) / √(σᵢ² + σⱼ²)).
///
/// A fitted model (``fitThurstonian(_:options:)``) is normalised so that the means have mean 0 and standard
/// deviation 1 (n − 1 denominator), with the variances rescaled alike; the preferences are unchanged by that.
public struct ThurstonianModel: Sendable, Codable, Equatable, Hashable {
    /// μᵢ per outcome.
    public let means: [Double]
    /// σᵢ² per outcome (all > 0).
    public let variances: [Double]

    /// Creates a model from its parameters (for example the true model of a simulation).
    /// - Throws: ``StatisticsError`` when the arrays are empty or differ in length, a value is not finite, or a
    ///   variance is not positive.
    public init(means: [Double], variances: [Double]) throws(StatisticsError) {
        let function = "ThurstonianModel"
        guard !means.isEmpty else { throw StatisticsError(function: function, reason: "no outcomes") }
        guard means.count == variances.count else {
            throw StatisticsError(
                function: function, reason: "\(means.count) means but \(variances.count) variances")
        }
        try StatisticsError.checkFinite(means, named: "means", in: function)
        try StatisticsError.checkFinite(variances, named: "variances", in: function)
        if let index = variances.firstIndex(where: { $0 <= 0 }) {
            throw StatisticsError(function: function, reason: "variances[\(index)] (\(variances[index])) must be > 0")
        }
        self.means = means
        self.variances = variances
    }

    /// Creates a model from parameters known to be valid.
    init(checkedMeans means: [Double], variances: [Double]) {
        self.means = means
        self.variances = variances
    }

    /// Number of outcomes.
    public var outcomeCount: Int { means.count }

    /// P(a ≻ b) = Φ((μ_a − μ_b) / √(σ_a² + σ_b²)).
    /// - Throws: ``StatisticsError`` when an index lies outside `0 ..< outcomeCount`.
    public func preference(of a: Int, over b: Int) throws(StatisticsError) -> Double {
        try checkOutcome(a, in: "ThurstonianModel.preference")
        try checkOutcome(b, in: "ThurstonianModel.preference")
        return normalCDF(standardizedDifference(a, b))
    }

    /// Outcomes ordered from the highest utility (mean) to the lowest; ties keep index order.
    public var ranking: [Int] {
        means.indices.sorted { means[$0] > means[$1] || (means[$0] == means[$1] && $0 < $1) }
    }

    /// How well the model predicts the empirical preferences of `edges` (for example held-out edges).
    ///
    /// With P = P(a ≻ b) under the model and P̂ the edge's pooled empirical preference (Mazeika et al. 2025; see
    /// docs/metrics.md, "Preferences and utilities"):
    /// - log loss = −mean over edges of [P̂ ln P + (1 − P̂) ln(1 − P)], each edge weighing the same;
    /// - accuracy = mean over edges of 1[(P ≥ ½) = (P̂ ≥ ½)];
    /// - negative log-likelihood per answer = −Σ [#a ln P + #b ln(1 − P)] / Σ (#a + #b), each answer weighing the
    ///   same (the quantity the fit minimises, before its penalty).
    /// ln P and ln(1 − P) are computed as ln Φ(±z) directly, so they stay finite however extreme P is.
    /// - Throws: ``StatisticsError`` when there is no edge, or an edge names an outcome outside the model or has
    ///   no answers.
    public func score(on edges: [PreferenceEdge]) throws(StatisticsError) -> PreferencePredictionScore {
        let function = "ThurstonianModel.score"
        guard !edges.isEmpty else { throw StatisticsError(function: function, reason: "no edges to score") }
        var logLoss = 0.0
        var correct = 0
        var likelihood = 0.0
        var answers = 0.0
        for edge in edges {
            try checkOutcome(edge.a, in: function)
            try checkOutcome(edge.b, in: function)
            guard let observed = edge.empiricalPreference else {
                throw StatisticsError(function: function, reason: "edge \(edge.a)–\(edge.b) has no answers")
            }
            let z = standardizedDifference(edge.a, edge.b)
            let logP = normalLogCDF(z)
            let logQ = normalLogCDF(-z)
            logLoss -= observed * logP + (1 - observed) * logQ
            if (z >= 0) == (observed >= 0.5) { correct += 1 }
            likelihood -= edge.aPreferred * logP + edge.bPreferred * logQ
            answers += edge.total
        }
        return PreferencePredictionScore(
            logLoss: logLoss / Double(edges.count), accuracy: Double(correct) / Double(edges.count),
            negativeLogLikelihoodPerAnswer: likelihood / answers, edges: edges.count)
    }

    /// z = (μ_a − μ_b) / √(σ_a² + σ_b²), so that P(a ≻ b) = Φ(z).
    func standardizedDifference(_ a: Int, _ b: Int) -> Double {
        (means[a] - means[b]) / (variances[a] + variances[b]).squareRoot()
    }

    private func checkOutcome(_ outcome: Int, in function: String) throws(StatisticsError) {
        guard means.indices.contains(outcome) else {
            throw StatisticsError(function: function, reason: "outcome \(outcome) outside 0..<\(outcomeCount)")
        }
    }
}
