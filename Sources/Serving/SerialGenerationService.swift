import Foundation
import Inference
import Synchronization
import Tokenizers

/// A `GenerationService` that runs one sequence at a time on one `InferenceContext`, on a thread of its own (the
/// engine is synchronous and must not hold a cooperative thread). Requests wait in arrival order; a cancelled one is
/// dropped from the queue or stopped after its current token. Consecutive requests sharing a prompt prefix reuse
/// its cache entries.
///
/// It is what `serve --parallel 1` runs, and the reference the batched engine must agree with token for token.
public final class SerialGenerationService: GenerationService, Sendable {
    public let model: LanguageModel
    public var parallelism: Int { 1 }
    /// Positions a sequence may fill.
    public let contextSize: Int
    private let worker: SerialWorker

    /// - Parameters:
    ///   - contextSize: positions per sequence (default: the model's context length, at most 4096).
    ///   - threads: worker threads of the forward pass (default: all cores).
    public init(model: LanguageModel, contextSize: Int? = nil, threads: Int? = nil) throws {
        self.model = model
        let context = try InferenceContext(model: model, contextSize: contextSize, threads: threads)
        self.contextSize = context.capacity
        worker = SerialWorker(context: context)
        let worker = self.worker
        let thread = Thread { worker.serve() }
        thread.name = "valueprobe-serial-engine"
        thread.stackSize = 8 << 20
        thread.start()
    }

    deinit { worker.stop() }

    /// Ends the worker thread; queued requests fail with `CancellationError`.
    public func stop() { worker.stop() }

    public func stream(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        worker.submit(request)
    }
}

/// The thread-side state of a `SerialGenerationService`: the queue and the context, touched only by its thread
/// (the context) or under the lock (the queue).
private final class SerialWorker: @unchecked Sendable {
    private let context: InferenceContext
    private var model: LanguageModel { context.model }
    private let queue = Mutex<[Job]>([])
    private let wake = DispatchSemaphore(value: 0)
    private let stopped = Atomic<Bool>(false)

    /// One queued request.
    final class Job: Sendable {
        let request: GenerationRequest
        let continuation: AsyncThrowingStream<GenerationEvent, any Error>.Continuation
        let cancelled = Atomic<Bool>(false)
        init(request: GenerationRequest, continuation: AsyncThrowingStream<GenerationEvent, any Error>.Continuation) {
            self.request = request
            self.continuation = continuation
        }
    }

    init(context: InferenceContext) { self.context = context }

    func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        wake.signal()
    }

    func submit(_ request: GenerationRequest) -> AsyncThrowingStream<GenerationEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<GenerationEvent, any Error>.makeStream()
        let job = Job(request: request, continuation: continuation)
        continuation.onTermination = { [weak self] _ in
            job.cancelled.store(true, ordering: .releasing)
            self?.queue.withLock { $0.removeAll { $0 === job } }
        }
        if stopped.load(ordering: .acquiring) {
            continuation.finish(throwing: CancellationError())
            return stream
        }
        queue.withLock { $0.append(job) }
        wake.signal()
        return stream
    }

    func serve() {
        while true {
            wake.wait()
            if stopped.load(ordering: .acquiring) { break }
            while let job = queue.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
                if stopped.load(ordering: .acquiring) { job.continuation.finish(throwing: CancellationError()); continue }
                guard !job.cancelled.load(ordering: .acquiring) else { continue }
                do {
                    let result = try run(job)
                    job.continuation.yield(.finished(result))
                    job.continuation.finish()
                } catch {
                    job.continuation.finish(throwing: error)
                }
            }
        }
        for job in queue.withLock({ q in defer { q.removeAll() }; return q }) {
            job.continuation.finish(throwing: CancellationError())
        }
    }

    /// Generates one sequence, yielding deltas as text becomes safe to show.
    private func run(_ job: Job) throws -> GenerationResult {
        let r = job.request
        guard r.maxTokens >= 0 else { throw InferenceError.invalidRequest("max tokens must be ≥ 0, got \(r.maxTokens)") }
        guard r.topLogprobs >= 0 else { throw InferenceError.invalidRequest("top logprobs must be ≥ 0, got \(r.topLogprobs)") }
        guard !r.prompt.isEmpty else { throw InferenceError.invalidRequest("the prompt is empty") }
        guard r.prompt.count < context.capacity else {
            throw InferenceError.invalidRequest("the prompt has \(r.prompt.count) tokens; the context holds \(context.capacity)")
        }
        var sampler = try Sampler(r.parameters)
        let t0 = DispatchTime.now()
        // Reuse the cached prefix; evaluate at least the last prompt token to get its logits.
        let cached = context.tokens
        var common = 0
        while common < min(cached.count, r.prompt.count - 1), cached[common] == r.prompt[common] { common += 1 }
        context.truncate(to: common)
        var logits = try context.evaluate(Array(r.prompt[common...]))
        let t1 = DispatchTime.now()
        var result = try GenerationResult.assembled(promptTokens: r.prompt, tokens: [], text: "", finishReason: .length,
                                      tokenLogProbabilities: [], topLogits: [], seed: sampler.seed,
                                      promptMilliseconds: Self.ms(t0, t1), generationMilliseconds: 0,
                                      reusedPromptTokens: common)
        var detokenizer = StreamingDetokenizer(tokenizer: model.tokenizer)
        var history = r.prompt
        var emittedBytes = 0
        var pending: [GeneratedToken] = []
        func emit(upTo bytes: Int) {
            let utf8 = Array(result.text.utf8)
            let piece = bytes > emittedBytes ? String(decoding: utf8[emittedBytes ..< bytes], as: UTF8.self) : ""
            if !piece.isEmpty || !pending.isEmpty {
                job.continuation.yield(.delta(text: piece, tokens: pending))
                pending.removeAll()
            }
            emittedBytes = max(emittedBytes, bytes)
        }
        while result.tokens.count < r.maxTokens {
            if job.cancelled.load(ordering: .acquiring) || stopped.load(ordering: .acquiring) {
                result.finishReason = .cancelled
                break
            }
            let token = logits.withUnsafeBufferPointer { sampler.sample($0, history: history[...]) }
            let logZ = Self.logSumExp(logits)
            let top = r.topLogprobs > 0 ? Self.top(r.topLogprobs, of: logits).map { TokenScore(id: $0, value: logits[Int($0)] - logZ) } : []
            let lp = logits[Int(token)] - logZ
            result.tokens.append(token)
            result.tokenLogProbabilities.append(lp)
            history.append(token)
            pending.append(GeneratedToken(id: token, logProbability: lp, top: top))
            if model.stopTokens.contains(token) {
                result.finishReason = .stop
                break
            }
            if !model.tokenizer.isControl(token) { result.text += detokenizer.push(token) }
            if let cut = Self.firstStop(r.stop, in: result.text) {
                result.text = String(result.text[..<cut])
                result.finishReason = .stopSequence
                break
            }
            emit(upTo: result.text.utf8.count - Self.heldBackBytes(r.stop, text: result.text))
            if result.tokens.count == r.maxTokens { break }
            if context.position + 1 > context.capacity {
                result.finishReason = .contextFull
                break
            }
            logits = try context.evaluate([token])
        }
        if result.finishReason != .stopSequence && result.finishReason != .cancelled { result.text += detokenizer.flush() }
        if result.finishReason != .cancelled { emit(upTo: result.text.utf8.count) }
        result.generationMilliseconds = Self.ms(t1, DispatchTime.now())
        return result
    }

    static func logSumExp(_ logits: [Float]) -> Float {
        guard let m = logits.max() else { return 0 }
        var s: Double = 0
        for l in logits { s += Foundation.exp(Double(l - m)) }
        return m + Float(Foundation.log(s))
    }

    /// Ids of the `k` largest logits, largest first (ties: lower id first).
    static func top(_ k: Int, of logits: [Float]) -> [Int32] {
        var best: [(Int32, Float)] = []
        for (i, l) in logits.enumerated() where best.count < k || l > best[best.count - 1].1 {
            let at = best.firstIndex { l > $0.1 } ?? best.count
            best.insert((Int32(i), l), at: at)
            if best.count > k { best.removeLast() }
        }
        return best.map(\.0)
    }

    static func firstStop(_ stops: [String], in text: String) -> String.Index? {
        stops.filter { !$0.isEmpty }.compactMap { text.range(of: $0)?.lowerBound }.min()
    }

    /// UTF-8 bytes at the end of `text` that are a proper prefix of some stop string.
    static func heldBackBytes(_ stops: [String], text: String) -> Int {
        var held = 0
        for s in stops where !s.isEmpty {
            for n in stride(from: min(s.count - 1, text.count), to: 0, by: -1) where text.hasSuffix(s.prefix(n)) {
                held = max(held, s.prefix(n).utf8.count)
                break
            }
        }
        return held
    }

    static func ms(_ a: DispatchTime, _ b: DispatchTime) -> Double { Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e6 }
}
