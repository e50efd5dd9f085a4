import Foundation
import Tokenizers

/// The token chosen at one step of a sequence, with its scores: what `SequenceDecoder.choose(_:)` computes from
/// the logits (pure arithmetic, safe to run for many sequences in parallel) for `accept(_:)` to record.
public struct TokenChoice: Sendable {
    public var token: Int32
    /// Log-probability of `token` under the model's raw distribution.
    public var logProbability: Float
    /// The highest raw logits, most likely first (as many as the decoder's `topLogits`).
    public var topLogits: [TokenScore]
    /// The highest log-probabilities, most likely first (as many as the decoder's `topLogprobs`).
    public var topLogprobs: [TokenScore]
}

/// The token-by-token logic of one generated sequence, shared by `Generator` (one sequence) and the batch engine
/// (many): sampling with the sequence's own seeded sampler, log-probabilities, end-of-turn tokens, stop strings
/// (with the text that could still become one held back), the token limit, the context limit, and streaming
/// deltas of text.
///
/// The caller evaluates the model: it feeds the logits after the last prompt token to `next(_:)` (or
/// `choose(_:)` then `accept(_:)`), evaluates the token returned, and feeds the logits after it, until `next`
/// returns nil; `result` then holds the whole generation.
public struct SequenceDecoder: Sendable {
    public let prompt: [Int32]
    public let maxTokens: Int
    public let stop: [String]
    /// Raw logits recorded per step in `result.topLogits`.
    public let topLogits: Int
    /// Log-probabilities reported per token in the deltas' `GeneratedToken.top`.
    public let topLogprobs: Int
    /// Positions the sequence may fill: prompt and generated tokens that are evaluated.
    public let capacity: Int
    /// Whether a loop (``RepetitionGuard``) ends the sequence.
    public let stopOnRepetition: Bool
    /// The generation so far (complete once `isFinished`).
    public private(set) var result: GenerationResult
    public private(set) var isFinished = false
    /// Prompt and generated tokens, in order.
    public private(set) var history: [Int32]
    private var sampler: Sampler
    private var detokenizer: StreamingDetokenizer
    private let tokenizer: any Tokenizer
    private let stopTokens: Set<Int32>
    /// UTF-8 bytes of `result.text` already handed out by `takeDelta()`.
    private var emittedBytes = 0
    /// Tokens accepted since the last `takeDelta()`.
    private var pendingTokens: [GeneratedToken] = []
    /// The grammar the output must follow, with the sequence's place in it (nil = free text).
    public private(set) var constrained: ConstrainedSequence?
    private let createdAt: UInt64
    private var promptDoneAt: UInt64?

    /// Checks the request and prepares the sequence; errors are one line and name the bad parameter.
    /// - Parameters:
    ///   - capacity: positions the sequence's cache holds (the prompt must leave room for at least one more).
    public init(model: LanguageModel, prompt: [Int32], parameters: SamplingParameters = SamplingParameters(),
                maxTokens: Int = 256, stop: [String] = [], topLogits: Int = 0, topLogprobs: Int = 0,
                capacity: Int, stopOnRepetition: Bool = false, constraint: TokenConstraint? = nil) throws(InferenceError) {
        guard maxTokens >= 0 else { throw .invalidRequest("max tokens must be ≥ 0, got \(maxTokens)") }
        guard topLogits >= 0 else { throw .invalidRequest("top logits must be ≥ 0, got \(topLogits)") }
        guard topLogprobs >= 0 else { throw .invalidRequest("top logprobs must be ≥ 0, got \(topLogprobs)") }
        guard !prompt.isEmpty else { throw .invalidRequest("the prompt is empty") }
        guard prompt.count < capacity else {
            throw .invalidRequest("the prompt has \(prompt.count) tokens; the context holds \(capacity) (use a shorter prompt or a larger --context)")
        }
        let vocab = model.config.vocabularySize
        if let bad = prompt.first(where: { $0 < 0 || Int($0) >= vocab }) {
            throw .invalidRequest("token id \(bad) is outside the vocabulary (0..<\(vocab))")
        }
        sampler = try Sampler(parameters)
        self.prompt = prompt
        self.maxTokens = maxTokens
        self.stop = stop.filter { !$0.isEmpty }
        self.topLogits = min(topLogits, vocab)
        self.topLogprobs = min(topLogprobs, vocab)
        self.capacity = capacity
        self.stopOnRepetition = stopOnRepetition
        tokenizer = model.tokenizer
        stopTokens = model.stopTokens
        detokenizer = StreamingDetokenizer(tokenizer: model.tokenizer)
        history = prompt
        constrained = constraint.map(ConstrainedSequence.init)
        createdAt = DispatchTime.now().uptimeNanoseconds
        result = GenerationResult(promptTokens: prompt, tokens: [], text: "", finishReason: .length,
                                  tokenLogProbabilities: [], topLogits: [], seed: sampler.seed,
                                  promptMilliseconds: 0, generationMilliseconds: 0, reusedPromptTokens: 0)
        if maxTokens == 0 { finish(.length) }
    }

    /// Records that the prompt has been evaluated (the logits after it are at hand), `reused` of its tokens
    /// taken from a cache.
    public mutating func promptEvaluated(reused: Int) {
        result.reusedPromptTokens = reused
        if promptDoneAt == nil {
            let now = DispatchTime.now().uptimeNanoseconds
            promptDoneAt = now
            result.promptMilliseconds = Double(now - createdAt) / 1e6
        }
    }

    /// Samples the next token from `logits` (after the last token of `history`) and scores it. A constrained
    /// sequence samples from a copy of its own row in which the tokens its grammar forbids are −∞ (greedy and
    /// sampled alike); the scores stay those of the model's raw distribution.
    public mutating func choose(_ logits: UnsafeBufferPointer<Float>) -> TokenChoice {
        let token: Int32
        if constrained != nil {
            let masked = constrained!.masked(logits)
            token = masked.withUnsafeBufferPointer { sampler.sample($0, history: history[...]) }
        } else {
            token = sampler.sample(logits, history: history[...])
        }
        let normalizer = LogSoftmax(logits)
        let k = max(topLogits, topLogprobs)
        let top = k > 0 ? Sampler.topCandidates(count: k, of: logits.count) { logits[$0] } : []
        return TokenChoice(
            token: token, logProbability: normalizer.logProbability(logits[Int(token)]),
            topLogits: top.prefix(topLogits).map { TokenScore(id: $0.id, value: $0.logit) },
            topLogprobs: top.prefix(topLogprobs).map { TokenScore(id: $0.id, value: normalizer.logProbability($0.logit)) })
    }

    /// Records `choice` and returns the token to evaluate next, or nil when the sequence has finished.
    public mutating func accept(_ choice: TokenChoice) -> Int32? {
        guard !isFinished else { return nil }
        let token = choice.token
        if topLogits > 0 { result.topLogits.append(choice.topLogits) }
        result.tokenLogProbabilities.append(choice.logProbability)
        result.tokens.append(token)
        history.append(token)
        constrained?.advance(token)
        pendingTokens.append(GeneratedToken(id: token, logProbability: choice.logProbability, top: choice.topLogprobs))
        if stopTokens.contains(token) {
            finish(.stop)
            return nil
        }
        if !tokenizer.isControl(token) { result.text += detokenizer.push(token) }
        if let cut = Self.firstStop(stop, in: result.text) {
            result.text = String(result.text[..<cut])
            finish(.stopSequence)
            return nil
        }
        if result.tokens.count == maxTokens {
            finish(.length)
            return nil
        }
        if stopOnRepetition && RepetitionGuard.isLooping(result.tokens) {
            finish(.repetition)
            return nil
        }
        // Evaluating the token needs one more position.
        if prompt.count + result.tokens.count > capacity {
            finish(.contextFull)
            return nil
        }
        return token
    }

    /// `accept(choose(logits))`.
    public mutating func next(_ logits: UnsafeBufferPointer<Float>) -> Int32? {
        accept(choose(logits))
    }

    /// Stops the sequence at the caller's request; text not yet handed out is dropped from the stream (it stays
    /// in `result.text`).
    public mutating func cancel() {
        if !isFinished { finish(.cancelled) }
    }

    /// The text that became safe to hand out since the last call (never a broken character, never part of a
    /// possible stop string; everything once finished) and the tokens accepted since then; nil when there is
    /// neither. After a cancellation only tokens are returned.
    public mutating func takeDelta() -> (text: String, tokens: [GeneratedToken])? {
        let text = result.text
        var safeEnd = text.utf8.count
        if result.finishReason == .cancelled && isFinished {
            safeEnd = emittedBytes
        } else if !isFinished {
            let held = Self.heldBack(stop, text: text)
            if held > 0 { safeEnd = text.utf8.distance(from: text.startIndex, to: text.index(text.endIndex, offsetBy: -held)) }
        }
        var piece = ""
        if safeEnd > emittedBytes {
            let utf8 = text.utf8
            piece = String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: emittedBytes) ..< utf8.index(utf8.startIndex, offsetBy: safeEnd)],
                           as: UTF8.self)
            emittedBytes = safeEnd
        }
        let tokens = pendingTokens
        pendingTokens.removeAll(keepingCapacity: true)
        if piece.isEmpty && tokens.isEmpty { return nil }
        return (piece, tokens)
    }

    private mutating func finish(_ reason: FinishReason) {
        result.finishReason = reason
        if reason != .stopSequence && reason != .cancelled { result.text += detokenizer.flush() }
        isFinished = true
        let now = DispatchTime.now().uptimeNanoseconds
        result.generationMilliseconds = Double(now - (promptDoneAt ?? now)) / 1e6
    }

    static func firstStop(_ stops: [String], in text: String) -> String.Index? {
        stops.filter { !$0.isEmpty }.compactMap { text.range(of: $0)?.lowerBound }.min()
    }

    /// Characters at the end of `text` that are a proper prefix of some stop string.
    static func heldBack(_ stops: [String], text: String) -> Int {
        var held = 0
        for s in stops where !s.isEmpty {
            for n in stride(from: min(s.count - 1, text.count), to: 0, by: -1) where text.hasSuffix(s.prefix(n)) {
                held = max(held, n)
                break
            }
        }
        return held
    }
}

/// The log-partition of a row of logits, for log-probabilities: log p(i) = logit(i) − max − log Σ exp(logit − max).
///
/// The exponentials use a Cephes-style polynomial (within 1e-7 relative of `exp`) in a loop the compiler
/// vectorises, summed in blocks of 64 in f32 (eight partial sums), the blocks in f64: a few microseconds for a
/// 49k-token vocabulary.
struct LogSoftmax {
    let maximum: Float
    let logSum: Double

    init(_ logits: UnsafeBufferPointer<Float>) {
        let n = logits.count
        var m = -Float.infinity
        if let base = logits.baseAddress {
            var lanes = SIMD8<Float>(repeating: -.infinity)
            var i = 0
            while i + 8 <= n {
                lanes = pointwiseMax(lanes, UnsafeRawPointer(base + i).loadUnaligned(as: SIMD8<Float>.self))
                i += 8
            }
            m = lanes.max()
            while i < n {
                if base[i] > m { m = base[i] }
                i += 1
            }
        }
        maximum = m
        guard n > 0, m.isFinite, let base = logits.baseAddress else {
            logSum = 0
            return
        }
        var total: Double = 0
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 64) { block in
            let tmp = block.baseAddress!
            var i = 0
            while i < n {
                let count = min(64, n - i)
                let source = base + i
                for j in 0 ..< count { tmp[j] = Self.exp(source[j] - m) }
                for j in count ..< 64 { tmp[j] = 0 }
                var sum = SIMD8<Float>()
                for j in stride(from: 0, to: 64, by: 8) { sum += UnsafeRawPointer(tmp + j).loadUnaligned(as: SIMD8<Float>.self) }
                total += Double(sum.sum())
                i += count
            }
        }
        logSum = Foundation.log(total)
    }

    func logProbability(_ logit: Float) -> Float { Float(Double(logit - maximum) - logSum) }

    /// e^x for x ≤ 0 (about 1e-38 below −87.3, where f32 underflows).
    @inline(__always) static func exp(_ x: Float) -> Float {
        let v = max(x, -87.3)
        // Round v·log2(e) to an integer with the 1.5·2^23 trick (its bits then hold the integer).
        let shifted = v * 1.442_695_04 + 12_582_912
        let n = shifted - 12_582_912
        let r = v - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * r * r + r + 1
        let k = Int32(bitPattern: shifted.bitPattern) &- Int32(bitPattern: Float(12_582_912).bitPattern)
        return p * Float(bitPattern: UInt32(bitPattern: (k &+ 127) &<< 23))
    }
}
