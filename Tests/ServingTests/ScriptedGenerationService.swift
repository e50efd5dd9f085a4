import Foundation
import Inference
import Synchronization

/// A `GenerationService` whose sequences are scripted: each emits one token (`"x"`) every `interval`, as many as
/// the request's `maxTokens`, then finishes with "length". It counts sequences started, running and cancelled, so
/// tests can watch the server free slots. The model is real (for tokenising and templates) but never evaluated.
final class ScriptedGenerationService: GenerationService, Sendable {
    let model: LanguageModel
    let parallelism: Int
    let interval: Duration

    struct Counts: Sendable, Equatable {
        var started = 0
        var running = 0
        var cancelled = 0
        var finished = 0
    }

    private let state = Mutex(Counts())

    init(model: LanguageModel, parallelism: Int, interval: Duration = .milliseconds(20)) {
        self.model = model
        self.parallelism = parallelism
        self.interval = interval
    }

    var counts: Counts { state.withLock { $0 } }

    func stream(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<GenerationEvent, any Error>.makeStream()
        let token = model.tokenizer.encode("x", parseSpecial: false).first ?? 0
        let interval = interval
        state.withLock {
            $0.started += 1
            $0.running += 1
        }
        let producer = Task { [self] in
            var tokens: [Int32] = []
            do {
                for _ in 0 ..< request.maxTokens {
                    try await Task.sleep(for: interval)
                    tokens.append(token)
                    continuation.yield(.delta(text: "x", tokens: [GeneratedToken(id: token, logProbability: -0.5)]))
                }
                let result = GenerationResult(promptTokens: request.prompt, tokens: tokens,
                                              text: String(repeating: "x", count: tokens.count), finishReason: .length,
                                              tokenLogProbabilities: tokens.map { _ in -0.5 }, topLogits: [],
                                              seed: request.parameters.seed ?? 0, promptMilliseconds: 0,
                                              generationMilliseconds: 0, reusedPromptTokens: 0)
                continuation.yield(.finished(result))
                continuation.finish()
                state.withLock {
                    $0.running -= 1
                    $0.finished += 1
                }
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { [self] reason in
            if case .cancelled = reason {
                producer.cancel()
                state.withLock {
                    $0.running -= 1
                    $0.cancelled += 1
                }
            }
        }
        return stream
    }
}
