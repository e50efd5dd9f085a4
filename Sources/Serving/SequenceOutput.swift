import Inference

/// One generated sequence as the server reports it: its text, the tokens with their log-probabilities (as the
/// engine's deltas carried them) and OpenAI's finish reason.
struct SequenceOutput: Sendable {
    var text = ""
    var tokens: [GeneratedToken] = []
    /// Every generated token, end-of-turn included (for `usage`).
    var completionTokens = 0
    var finishReason: String?

    /// Adds one event of the engine's stream.
    mutating func add(_ event: GenerationEvent) {
        switch event {
        case .delta(let text, let tokens):
            self.text += text
            self.tokens += tokens
        case .finished(let result):
            // The result is authoritative for the text (deltas never include held-back stop-string prefixes).
            text = result.text
            completionTokens = result.tokens.count
            finishReason = Self.openAIReason(result.finishReason)
        }
    }

    /// OpenAI's words: "stop" for an end-of-turn token or a stop string, "length" for the token or context limit.
    static func openAIReason(_ reason: FinishReason) -> String {
        switch reason {
        case .stop, .stopSequence: "stop"
        case .length, .contextFull: "length"
        case .cancelled: "cancelled"
        case .repetition: "repetition"
        }
    }
}
