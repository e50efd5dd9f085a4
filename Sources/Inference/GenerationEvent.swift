/// A token as it is generated, with its log-probability under the model's raw distribution.
public struct GeneratedToken: Sendable, Equatable, Codable {
    public var id: Int32
    public var logProbability: Float
    /// The most likely tokens at this step with their log-probabilities, most likely first (empty unless asked).
    public var top: [TokenScore]

    public init(id: Int32, logProbability: Float, top: [TokenScore] = []) {
        self.id = id
        self.logProbability = logProbability
        self.top = top
    }
}

/// What a `GenerationService` reports about one sequence, in order; `.finished` comes last.
public enum GenerationEvent: Sendable {
    /// New text (never a broken UTF-8 sequence, never part of a possible stop string) and the tokens produced
    /// since the previous event.
    case delta(text: String, tokens: [GeneratedToken])
    /// The whole result; the stream ends after it.
    case finished(GenerationResult)
}
