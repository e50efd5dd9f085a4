/// Predictive quality of a preference model on a set of edges; see ``ThurstonianModel/score(on:)``.
public struct PreferencePredictionScore: Sendable, Codable, Equatable, Hashable {
    /// −mean over edges of [P̂ ln P + (1 − P̂) ln(1 − P)] (nats); ln 2 ≈ 0.693 for a model that always says ½.
    public var logLoss: Double
    /// Share of edges where the model and the data prefer the same side (P ≥ ½ against P̂ ≥ ½).
    public var accuracy: Double
    /// −Σ [#a ln P + #b ln(1 − P)] / Σ answers (nats per answer).
    public var negativeLogLikelihoodPerAnswer: Double
    /// Number of edges scored.
    public var edges: Int

    /// Creates a score from its parts, as stored.
    public init(logLoss: Double, accuracy: Double, negativeLogLikelihoodPerAnswer: Double, edges: Int) {
        self.logLoss = logLoss
        self.accuracy = accuracy
        self.negativeLogLikelihoodPerAnswer = negativeLogLikelihoodPerAnswer
        self.edges = edges
    }
}
