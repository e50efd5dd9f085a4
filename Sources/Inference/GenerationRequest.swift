/// One sequence to generate from a tokenised (already templated) prompt: what a `GenerationService` schedules.
public struct GenerationRequest: Sendable, Equatable {
    public var prompt: [Int32]
    /// Sampling settings; `parameters.seed` makes the sequence reproducible whatever else shares its batch.
    public var parameters: SamplingParameters
    /// The most tokens to generate.
    public var maxTokens: Int
    /// Strings that end generation when they appear in the text (not included in the result).
    public var stop: [String]
    /// How many of the most likely tokens to report per step, with log-probabilities (0 = none).
    public var topLogprobs: Int
    /// Stop a generation that has fallen into a loop (``RepetitionGuard``), finish reason ``FinishReason/repetition``.
    public var stopOnRepetition: Bool
    /// The grammar the output must follow (``LanguageModel/constraint(for:)``); nil = free text.
    public var constraint: TokenConstraint?

    public init(prompt: [Int32], parameters: SamplingParameters = SamplingParameters(), maxTokens: Int = 256,
                stop: [String] = [], topLogprobs: Int = 0, stopOnRepetition: Bool = false,
                constraint: TokenConstraint? = nil) {
        self.constraint = constraint
        self.stopOnRepetition = stopOnRepetition
        self.prompt = prompt
        self.parameters = parameters
        self.maxTokens = maxTokens
        self.stop = stop
        self.topLogprobs = topLogprobs
    }
}
