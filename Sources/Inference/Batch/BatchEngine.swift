import Foundation
import Synchronization

/// The embedded engine's continuous batch: many sequences of one model generated together, each step evaluating
/// one token of every decoding sequence and chunks of waiting prompts in one forward pass, on a dedicated engine
/// thread (not the Swift cooperative pool).
///
/// - Sequences run in `parallelism` cache slots; a finished or cancelled sequence frees its slot at once for the
///   next waiting request.
/// - Prompts share their common prefix with what the slots hold (a finished sequence's slot is kept as a prefix
///   cache), and a prompt sampled n times at once is evaluated once: the later requests wait for the first to
///   finish its prompt, then copy its cache entries and its logits.
/// - Batch invariance: a request's tokens and log-probabilities depend only on the request (prompt, settings,
///   seed), never on what else shares its steps, how many requests there are, or how prompts are chunked; greedy
///   decoding gives exactly what the single-sequence `Generator` gives.
///
/// Releasing the engine (or `shutdown()`) stops its thread; unfinished requests then end with a
/// `CancellationError`.
public final class BatchEngine: GenerationService, @unchecked Sendable {
    public let model: LanguageModel
    /// Sequences decoded together (cache slots).
    public let parallelism: Int
    /// Worker threads of the forward pass (the engine thread is one of them).
    public let threads: Int
    /// Positions per sequence (prompt and generated tokens).
    public let contextSize: Int
    /// The most tokens one step evaluates.
    public let stepTokens: Int
    private let core: BatchEngineCore

    /// - Parameters:
    ///   - parallelism: sequences decoded together (at least 1).
    ///   - threads: worker threads (default: every available core).
    ///   - contextSize: positions per sequence (default: the model's context length, at most 4096). Cache memory
    ///     is taken as sequences grow, not up front.
    ///   - stepTokens: the most tokens per step (default: 64, and at least `parallelism + 32` so that prompts
    ///     always get part of a step; never less than `parallelism + 1`).
    ///   - precision: how matrix products treat activations (see `InferenceContext.Precision`).
    public init(model: LanguageModel, parallelism: Int = 16, threads: Int? = nil, contextSize: Int? = nil,
                stepTokens: Int? = nil, precision: InferenceContext.Precision = .quantized) throws(InferenceError) {
        let c = model.config
        let size = contextSize ?? min(c.contextLength, 4096)
        guard parallelism >= 1, parallelism <= 4096 else {
            throw .invalidRequest("parallelism must be between 1 and 4096, got \(parallelism)")
        }
        guard size > 1 else { throw .invalidRequest("context size must be at least 2, got \(size)") }
        guard size <= c.contextLength else {
            throw .invalidRequest("context size \(size) exceeds the model's context length \(c.contextLength)")
        }
        if let threads, threads < 1 { throw .invalidRequest("threads must be at least 1, got \(threads)") }
        if let stepTokens, stepTokens < 1 { throw .invalidRequest("step tokens must be at least 1, got \(stepTokens)") }
        self.model = model
        self.parallelism = parallelism
        self.threads = threads ?? WorkerPool.availableCores
        self.contextSize = size
        self.stepTokens = max(stepTokens ?? 64, stepTokens == nil ? parallelism + 32 : parallelism + 1)
        let scheduler = BatchScheduler(model: model, slots: parallelism, capacity: size, stepTokens: self.stepTokens,
                                       threads: self.threads)
        scheduler.forward.precision = precision
        core = BatchEngineCore(scheduler: scheduler)
        core.start()
    }

    deinit { core.stop() }

    /// Stops the engine thread; requests not finished end with a `CancellationError`, later ones at once.
    public func shutdown() { core.stop() }

    /// Counters as of the last step.
    public var statistics: BatchStatistics { core.statistics }

    /// Requests waiting for a slot and requests holding one.
    public var load: (waiting: Int, active: Int) { core.load }

    public func stream(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        let (stream, events) = AsyncThrowingStream.makeStream(of: GenerationEvent.self)
        let decoder: SequenceDecoder
        do {
            decoder = try SequenceDecoder(model: model, prompt: request.prompt, parameters: request.parameters,
                                          maxTokens: request.maxTokens, stop: request.stop,
                                          topLogprobs: request.topLogprobs, capacity: contextSize,
                                          stopOnRepetition: request.stopOnRepetition,
                                          constraint: request.constraint)
        } catch {
            events.finish(throwing: error)
            return stream
        }
        if decoder.isFinished {  // nothing to generate
            events.yield(.finished(decoder.result))
            events.finish()
            return stream
        }
        let id = core.nextID()
        core.submit(BatchJob(id: id, decoder: decoder, events: events))
        // The consumer holds the stream only once this returns, so no cancellation can come before this line.
        events.onTermination = { [core] termination in
            if case .cancelled = termination { core.cancel(id) }
        }
        return stream
    }

    /// Log-probabilities of each continuation after `prompt`, scored in the batch (the prompt is evaluated once).
    /// Equal, bit for bit, to `Generator.score(prompt:continuations:)`. With `topLogprobs` > 0 each token also
    /// gets the most likely tokens at its position (`ContinuationScore.topLogProbabilities`).
    public func score(prompt: [Int32], continuations: [[Int32]], topLogprobs: Int = 0) async throws -> [ContinuationScore] {
        guard topLogprobs >= 0 else { throw InferenceError.invalidRequest("topLogprobs must be at least 0, got \(topLogprobs)") }
        guard !prompt.isEmpty else { throw InferenceError.invalidRequest("the prompt is empty") }
        let vocab = model.config.vocabularySize
        for continuation in continuations {
            guard !continuation.isEmpty else { throw InferenceError.invalidRequest("an empty continuation cannot be scored") }
            guard prompt.count + continuation.count <= contextSize else {
                throw InferenceError.invalidRequest("prompt and continuation (\(prompt.count + continuation.count) tokens) exceed the context size \(contextSize)")
            }
        }
        if let bad = (prompt + continuations.joined()).first(where: { $0 < 0 || Int($0) >= vocab }) {
            throw InferenceError.invalidRequest("token id \(bad) is outside the vocabulary (0..<\(vocab))")
        }
        if continuations.isEmpty { return [] }
        let ids = continuations.map { _ in core.nextID() }
        let collector = ScoreCollector(count: continuations.count)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<[ContinuationScore], any Error>) in
                collector.wait(with: waiter)
                for (i, continuation) in continuations.enumerated() {
                    core.submit(BatchJob(id: ids[i], prompt: prompt, continuation: continuation, topLogprobs: topLogprobs) { result in
                        collector.deliver(result, at: i)
                    })
                }
            }
        } onCancel: { [core] in
            for id in ids { core.cancel(id) }
        }
    }
}

/// Gathers the scores of one `score` call and resumes its caller once all are in (or at the first error).
private final class ScoreCollector: Sendable {
    private struct State {
        var scores: [ContinuationScore?]
        var remaining: Int
        var waiter: CheckedContinuation<[ContinuationScore], any Error>?
    }

    private let state: Mutex<State>

    init(count: Int) { state = Mutex(State(scores: Array(repeating: nil, count: count), remaining: count)) }

    func wait(with waiter: CheckedContinuation<[ContinuationScore], any Error>) {
        state.withLock { $0.waiter = waiter }
    }

    func deliver(_ result: Result<ContinuationScore, any Error>, at index: Int) {
        let resume: (CheckedContinuation<[ContinuationScore], any Error>, Result<[ContinuationScore], any Error>)? = state.withLock { s in
            guard let waiter = s.waiter else { return nil }
            switch result {
            case .failure(let error):
                s.waiter = nil
                return (waiter, .failure(error))
            case .success(let score):
                s.scores[index] = score
                s.remaining -= 1
                guard s.remaining == 0 else { return nil }
                s.waiter = nil
                return (waiter, .success(s.scores.compactMap { $0 }))
            }
        }
        if let (waiter, outcome) = resume { waiter.resume(with: outcome) }
    }
}
