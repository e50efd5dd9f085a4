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
    ///   - constraint: a grammar the output must follow (``LanguageModel/constraint(for:)``), applied as a mask
    ///     on the logits before sampling; nil = free text.
    ///   - onText: receives text as it is produced (never a broken UTF-8 sequence); return false to stop.
    public func generate(prompt: [Int32], parameters: SamplingParameters = SamplingParameters(), maxTokens: Int = 256,
                         stop: [String] = [], topLogits: Int = 0, constraint: TokenConstraint? = nil,
                         onText: ((String) -> Bool)? = nil) throws -> GenerationResult {
        var decoder = try SequenceDecoder(model: model, prompt: prompt, parameters: parameters, maxTokens: maxTokens,
                                          stop: stop, topLogits: topLogits, capacity: context.capacity,
                                          constraint: constraint)
        var (logits, reused) = try prefill(prompt)
        decoder.promptEvaluated(reused: reused)
        while let token = logits.withUnsafeBufferPointer({ decoder.next($0) }) {
            if let onText, let delta = decoder.takeDelta(), !delta.text.isEmpty, !onText(delta.text) {
                decoder.cancel()
                break
            }
            logits = try context.evaluate([token])
            lastLogits = (decoder.history, logits)
        }
        if let onText, decoder.result.finishReason != .cancelled, let delta = decoder.takeDelta(), !delta.text.isEmpty {
            _ = onText(delta.text)
        }
        return decoder.result
    }

    /// Generates a chat reply to `messages` with the model's chat template.
    public func chat(_ messages: [ChatMessage], parameters: SamplingParameters = SamplingParameters(), maxTokens: Int = 256,
                     stop: [String] = [], topLogits: Int = 0, constraint: TokenConstraint? = nil,
                     onText: ((String) -> Bool)? = nil) throws -> GenerationResult {
        let prompt = model.tokenize(prompt: try model.renderChat(messages))
        return try generate(prompt: prompt, parameters: parameters, maxTokens: maxTokens, stop: stop, topLogits: topLogits,
                            constraint: constraint, onText: onText)
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
        logits.withUnsafeBufferPointer { LogSoftmax($0).logProbability($0[index]) }
    }
}
