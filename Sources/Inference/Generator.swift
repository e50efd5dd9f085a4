import ChatTemplates
import Foundation
import Tokenizers

/// Text generation and scoring on one `InferenceContext`.
///
/// Prompts that share a prefix with what is already in the cache only evaluate the new part, so sampling the same
/// prompt many times processes it once.
public final class Generator {
    public let context: InferenceContext
    public var model: LanguageModel { context.model }
    /// Logits after the last token of `tokens`, valid while the cache holds exactly those tokens.
    private var lastLogits: (tokens: [Int32], logits: [Float])?
    /// Logits after the most recent prompt, kept so that sampling the same prompt again after a generation
    /// truncates the cache back to the prompt and reuses them: repeats then start from identical numbers.
    private var promptLogits: (tokens: [Int32], logits: [Float])?

    public init(context: InferenceContext) { self.context = context }

    /// Convenience: a context on `model` with `threads` threads.
    public convenience init(model: LanguageModel, contextSize: Int? = nil, threads: Int? = nil) throws {
        self.init(context: try InferenceContext(model: model, contextSize: contextSize, threads: threads))
    }

    /// Brings the cache to exactly `prompt` and returns the logits after its last token.
    /// - Returns: logits and the number of prompt tokens reused from the cache.
    func prefill(_ prompt: [Int32]) throws(InferenceError) -> ([Float], Int) {
        guard !prompt.isEmpty else { throw .invalidRequest("the prompt is empty") }
        guard prompt.count < context.capacity else {
            throw .invalidRequest("the prompt has \(prompt.count) tokens; the context holds \(context.capacity) (use a shorter prompt or a larger --context)")
        }
        let cached = context.tokens
        var common = 0
        while common < min(cached.count, prompt.count), cached[common] == prompt[common] { common += 1 }
        if common == prompt.count, cached.count == prompt.count, let lastLogits, lastLogits.tokens == prompt {
            return (lastLogits.logits, common)
        }
        if common == prompt.count, let promptLogits, promptLogits.tokens == prompt {
            context.truncate(to: prompt.count)
            lastLogits = promptLogits
            return (promptLogits.logits, common)
        }
        // At least the last prompt token is evaluated, to get its logits.
        let keep = min(common, prompt.count - 1)
        context.truncate(to: keep)
        let logits = try context.evaluate(Array(prompt[keep...]))
        lastLogits = (prompt, logits)
        promptLogits = lastLogits
        return (logits, keep)
    }

    /// Generates a continuation of `prompt` (token ids, already templated).
    ///
    /// - Parameters:
    ///   - maxTokens: the most tokens to generate.
    ///   - stop: strings that end generation when they appear in the text (not included in the result).
    ///   - topLogits: how many of the highest raw logits to record per step (0 = none).
    ///   - onText: receives text as it is produced (never a broken UTF-8 sequence); return false to stop.
    public func generate(prompt: [Int32], parameters: SamplingParameters = SamplingParameters(), maxTokens: Int = 256,
                         stop: [String] = [], topLogits: Int = 0,
                         onText: ((String) -> Bool)? = nil) throws -> GenerationResult {
        guard maxTokens >= 0 else { throw InferenceError.invalidRequest("max tokens must be ≥ 0, got \(maxTokens)") }
        guard topLogits >= 0 else { throw InferenceError.invalidRequest("top logits must be ≥ 0, got \(topLogits)") }
        var sampler = try Sampler(parameters)
        let t0 = DispatchTime.now()
        var (logits, reused) = try prefill(prompt)
        let t1 = DispatchTime.now()
        var result = GenerationResult(promptTokens: prompt, tokens: [], text: "", finishReason: .length,
                                      tokenLogProbabilities: [], topLogits: [], seed: sampler.seed,
                                      promptMilliseconds: Self.ms(t0, t1), generationMilliseconds: 0,
                                      reusedPromptTokens: reused)
        var detokenizer = StreamingDetokenizer(tokenizer: model.tokenizer)
        var history = prompt
        var emitted = ""  // text already handed to onText
        while result.tokens.count < maxTokens {
            let token = logits.withUnsafeBufferPointer { buf in sampler.sample(buf, history: history[...]) }
            if topLogits > 0 {
                result.topLogits.append(Sampler.topCandidates(count: min(topLogits, logits.count), of: logits.count) { logits[$0] }
                    .map { TokenScore(id: $0.id, value: $0.logit) })
            }
            result.tokenLogProbabilities.append(Self.logSoftmax(logits, at: Int(token)))
            result.tokens.append(token)
            history.append(token)
            if model.stopTokens.contains(token) {
                result.finishReason = .stop
                break
            }
            if !model.tokenizer.isControl(token) { result.text += detokenizer.push(token) }
            if let cut = Self.firstStop(stop, in: result.text) {
                result.text = String(result.text[..<cut])
                result.finishReason = .stopSequence
                break
            }
            // Hold back text that could still become a stop string.
            let safe = result.text.count - Self.heldBack(stop, text: result.text)
            if let onText, safe > emitted.count {
                let piece = String(result.text.dropFirst(emitted.count).prefix(safe - emitted.count))
                emitted += piece
                if !onText(piece) {
                    result.finishReason = .cancelled
                    break
                }
            }
            if result.tokens.count == maxTokens { break }
            if context.position + 1 > context.capacity {
                result.finishReason = .contextFull
                break
            }
            logits = try context.evaluate([token])
            lastLogits = (history, logits)
        }
        if result.finishReason != .stopSequence && result.finishReason != .cancelled { result.text += detokenizer.flush() }
        if let onText, result.finishReason != .cancelled, result.text.count > emitted.count {
            _ = onText(String(result.text.dropFirst(emitted.count)))
        }
        result.generationMilliseconds = Self.ms(t1, DispatchTime.now())
        return result
    }

    /// Generates a chat reply to `messages` with the model's chat template.
    public func chat(_ messages: [ChatMessage], parameters: SamplingParameters = SamplingParameters(), maxTokens: Int = 256,
                     stop: [String] = [], topLogits: Int = 0, onText: ((String) -> Bool)? = nil) throws -> GenerationResult {
        let prompt = model.tokenize(prompt: try model.renderChat(messages))
        return try generate(prompt: prompt, parameters: parameters, maxTokens: maxTokens, stop: stop, topLogits: topLogits, onText: onText)
    }

    /// Log-probabilities of each continuation after `prompt` (e.g. " A" vs " B"), for exact option likelihoods.
    /// The prompt is evaluated once; each continuation reuses its cache entries.
    public func score(prompt: [Int32], continuations: [[Int32]]) throws -> [ContinuationScore] {
        var scores: [ContinuationScore] = []
        for continuation in continuations {
            guard !continuation.isEmpty else { throw InferenceError.invalidRequest("an empty continuation cannot be scored") }
            let (first, _) = try prefill(prompt)
            guard prompt.count + continuation.count <= context.capacity else {
                throw InferenceError.invalidRequest("prompt and continuation (\(prompt.count + continuation.count) tokens) exceed the context size \(context.capacity)")
            }
            var tokenLPs: [Double] = []
            var greedy = true
            var current = first
            var rest: [Float] = []
            if continuation.count > 1 {
                rest = try context.evaluate(Array(continuation.dropLast()), allLogits: true)
            }
            let vocab = model.config.vocabularySize
            for (i, token) in continuation.enumerated() {
                if i > 0 { current = Array(rest[(i - 1) * vocab ..< i * vocab]) }
                tokenLPs.append(Double(Self.logSoftmax(current, at: Int(token))))
                let argmax = current.indices.max { current[$0] < current[$1] || (current[$0] == current[$1] && $0 > $1) }
                if argmax != Int(token) { greedy = false }
            }
            context.truncate(to: prompt.count)
            lastLogits = (prompt, first)
            scores.append(ContinuationScore(tokens: continuation, logProbability: tokenLPs.reduce(0, +),
                                            tokenLogProbabilities: tokenLPs, isGreedy: greedy))
        }
        return scores
    }

    static func logSoftmax(_ logits: [Float], at index: Int) -> Float {
        guard let m = logits.max() else { return 0 }
        var s: Double = 0
        for l in logits { s += Foundation.exp(Double(l - m)) }
        return Float(Double(logits[index] - m) - Foundation.log(s))
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

    static func ms(_ a: DispatchTime, _ b: DispatchTime) -> Double { Double(b.uptimeNanoseconds - a.uptimeNanoseconds) / 1e6 }
}
