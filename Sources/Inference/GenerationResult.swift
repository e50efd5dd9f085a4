/// Why generation stopped.
public enum FinishReason: String, Codable, Sendable {
    /// The model produced an end-of-turn or end-of-sequence token.
    case stop
    /// A stop string appeared in the text.
    case stopSequence = "stop_sequence"
    /// `maxTokens` reached.
    case length
    /// The context is full.
    case contextFull = "context_full"
    /// The caller's callback asked to stop.
    case cancelled
    /// The text had fallen into a loop (``RepetitionGuard``) and the request asked to stop there.
    case repetition
}

/// A token id with a score (a raw logit, or a log-probability).
public struct TokenScore: Codable, Sendable, Equatable {
    public var id: Int32
    public var value: Float
    public init(id: Int32, value: Float) {
        self.id = id
        self.value = value
    }
}

/// The output of one generation.
public struct GenerationResult: Codable, Sendable {
    public var promptTokens: [Int32]
    /// Generated tokens, including a final end-of-turn token if one was produced.
    public var tokens: [Int32]
    /// Generated text (the end-of-turn token and any stop string are not included).
    public var text: String
    public var finishReason: FinishReason
    /// Log-probability of each generated token under the model's raw distribution.
    public var tokenLogProbabilities: [Float]
    /// For each step, the `topLogits` highest raw logits before sampling (empty when not requested).
    public var topLogits: [[TokenScore]]
    /// Seed used by the sampler.
    public var seed: UInt64
    public var promptMilliseconds: Double
    public var generationMilliseconds: Double
    /// Prompt tokens that were found already in the cache and not evaluated again.
    public var reusedPromptTokens: Int

    public init(promptTokens: [Int32], tokens: [Int32], text: String, finishReason: FinishReason,
                tokenLogProbabilities: [Float], topLogits: [[TokenScore]], seed: UInt64, promptMilliseconds: Double,
                generationMilliseconds: Double, reusedPromptTokens: Int) {
        self.promptTokens = promptTokens
        self.tokens = tokens
        self.text = text
        self.finishReason = finishReason
        self.tokenLogProbabilities = tokenLogProbabilities
        self.topLogits = topLogits
        self.seed = seed
        self.promptMilliseconds = promptMilliseconds
        self.generationMilliseconds = generationMilliseconds
        self.reusedPromptTokens = reusedPromptTokens
    }
}

/// Log-probability of a continuation given a prompt.
public struct ContinuationScore: Codable, Sendable, Equatable {
    public var tokens: [Int32]
    /// Sum of the tokens' log-probabilities (natural log).
    public var logProbability: Double
    public var tokenLogProbabilities: [Double]
    /// Whether greedy decoding would have produced exactly these tokens.
    public var isGreedy: Bool
    /// For each continuation token, the most likely tokens at its position with their log-probabilities, most
    /// likely first (empty unless alternatives were asked for).
    public var topLogProbabilities: [[TokenScore]] = []

    enum CodingKeys: String, CodingKey { case tokens, logProbability, tokenLogProbabilities, isGreedy, topLogProbabilities }

    init(tokens: [Int32], logProbability: Double, tokenLogProbabilities: [Double], isGreedy: Bool,
         topLogProbabilities: [[TokenScore]] = []) {
        self.tokens = tokens
        self.logProbability = logProbability
        self.tokenLogProbabilities = tokenLogProbabilities
        self.isGreedy = isGreedy
        self.topLogProbabilities = topLogProbabilities
    }

    /// Reads a score; `topLogProbabilities` may be absent (scores written before it existed).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tokens = try c.decode([Int32].self, forKey: .tokens)
        logProbability = try c.decode(Double.self, forKey: .logProbability)
        tokenLogProbabilities = try c.decode([Double].self, forKey: .tokenLogProbabilities)
        isGreedy = try c.decode(Bool.self, forKey: .isGreedy)
        topLogProbabilities = try c.decodeIfPresent([[TokenScore]].self, forKey: .topLogProbabilities) ?? []
    }
}
