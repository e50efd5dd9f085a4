/// Something that generates many sequences at once from one model (the continuous batch), shared by every caller.
///
/// Implementations guarantee batch invariance: a request's tokens depend only on the request (prompt, settings,
/// seed), never on which other requests share the batch.
public protocol GenerationService: AnyObject, Sendable {
    /// The model every request runs on.
    var model: LanguageModel { get }
    /// Sequences that can be decoded in the same step.
    var parallelism: Int { get }
    /// Starts (or queues) `request`. Events arrive in order and the last is `.finished`; invalid requests
    /// (prompt longer than the context, bad parameters) end the stream with an `InferenceError`. When the consumer
    /// stops iterating (its task is cancelled or the stream is dropped) the sequence is cancelled and its slot is
    /// freed at once.
    func stream(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error>
    /// Log-probabilities of each continuation after `prompt` (the prompt evaluated once), with the `topLogprobs`
    /// most likely tokens at each position. Services that cannot score throw `InferenceError.invalidRequest`.
    func score(prompt: [Int32], continuations: [[Int32]], topLogprobs: Int) async throws -> [ContinuationScore]
}

extension GenerationService {
    /// A service without scoring refuses.
    public func score(prompt: [Int32], continuations: [[Int32]], topLogprobs: Int) async throws -> [ContinuationScore] {
        throw InferenceError.invalidRequest("this engine does not score prompts")
    }

    /// Generates `request` to the end and returns the result.
    public func generate(_ request: GenerationRequest) async throws -> GenerationResult {
        for try await event in stream(request) {
            if case .finished(let result) = event { return result }
        }
        throw CancellationError()
    }
}
