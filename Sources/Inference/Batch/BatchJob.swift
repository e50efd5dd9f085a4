/// One unit of work in a `BatchEngine`: a generation, or the scoring of one continuation after a prompt.
/// Owned by the engine thread once queued.
final class BatchJob {
    let id: Int
    /// Tokens the job puts in the cache: the prompt, then each generated token as it is chosen (generation), or
    /// the prompt and the continuation without its last token (scoring).
    var tokens: [Int32]
    /// Prompt tokens. Logits are needed after every position from `promptCount - 1` on.
    let promptCount: Int
    /// The generation's decoder (nil for a scoring job).
    var decoder: SequenceDecoder?
    /// Where a generation's events go.
    let events: AsyncThrowingStream<GenerationEvent, any Error>.Continuation?
    /// The continuation a scoring job scores, and where its result goes.
    let continuation: [Int32]
    let deliver: (@Sendable (Result<ContinuationScore, any Error>) -> Void)?
    var scoreLogProbabilities: [Double] = []
    var scoreIsGreedy = true
    /// Alternatives a scoring job reports per token, and those found so far.
    let scoreTopCount: Int
    var scoreTop: [[TokenScore]] = []

    /// The cache slot while the job is active (−1 while it waits), and how many of `tokens` are in it.
    var slot = -1
    var cached = 0
    /// Prompt tokens taken from the cache instead of being evaluated.
    var reused = 0

    /// A generation.
    init(id: Int, decoder: SequenceDecoder, events: AsyncThrowingStream<GenerationEvent, any Error>.Continuation) {
        self.id = id
        tokens = decoder.prompt
        promptCount = decoder.prompt.count
        self.decoder = decoder
        self.events = events
        continuation = []
        deliver = nil
        scoreTopCount = 0
    }

    /// The scoring of `continuation` (not empty) after `prompt` (not empty), with the `topLogprobs` most likely
    /// tokens at each position.
    init(id: Int, prompt: [Int32], continuation: [Int32], topLogprobs: Int = 0,
         deliver: @escaping @Sendable (Result<ContinuationScore, any Error>) -> Void) {
        self.id = id
        tokens = prompt + continuation.dropLast()
        promptCount = prompt.count
        decoder = nil
        events = nil
        self.continuation = continuation
        self.deliver = deliver
        scoreTopCount = topLogprobs
    }

    /// The first position whose logits the job needs.
    var logitsFrom: Int { promptCount - 1 }

    /// Tokens evaluated before the job can be forked from: the prompt of a generation, everything of a scoring.
    var prefillCount: Int { decoder != nil ? promptCount : tokens.count }

    /// Whether the job is still evaluating its prompt.
    var isPrefilling: Bool { cached < prefillCount }

    /// The token that follows position `position` (for scoring: what the logits there are scored against).
    func target(after position: Int) -> Int32 {
        position + 1 < tokens.count ? tokens[position + 1] : continuation[continuation.count - 1]
    }
}
