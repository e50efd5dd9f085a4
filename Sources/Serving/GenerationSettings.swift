import Foundation
import Inference

/// The generation parameters shared by `/v1/chat/completions` and `/v1/completions`, read and checked from a
/// request body (OpenAI's names, plus llama-server's `top_k`, `min_p` and `repeat_penalty`).
///
/// Unset sampling parameters keep the engine's defaults (llama.cpp's: temperature 0.8, top-k 40, top-p 0.95,
/// min-p 0.05), as llama-server does. Sequence `i` of `n` uses seed `seed + i` (wrapping); without `seed` a base
/// seed is drawn per request.
struct GenerationSettings: Sendable {
    var n = 1
    var parameters = SamplingParameters()
    /// The most tokens per sequence; nil = until the context is full.
    var maxTokens: Int?
    var stop: [String] = []
    var stream = false
    var includeUsage = false
    /// Whether per-token log-probabilities are returned.
    var logprobs = false
    /// Alternatives reported per token (0 = none).
    var topLogprobs = 0
    /// Whether the prompt is echoed before the completion, with its log-probabilities when `logprobs` is set
    /// (`/v1/completions` only).
    var echo = false
    /// `response_format` (OpenAI's shape): text, any JSON object or a JSON Schema.
    var responseFormat = ResponseFormat.text
    /// The constraint enforcing `responseFormat` on the model (``bind(to:)``); nil = free text.
    var constraint: TokenConstraint?

    /// Most sequences one request may ask for.
    static let maxN = 128
    /// Most alternatives per token.
    static let maxTopLogprobs = 20

    /// The defaults (one sequence, the engine's sampling defaults, no limit but the context).
    init() {}

    /// Reads the shared fields. `chat` selects the chat form of `logprobs` (a boolean with `top_logprobs`) over the
    /// legacy one (an integer count).
    init(_ f: RequestFields, chat: Bool) throws(APIError) {
        n = try f.int("n", in: 1 ... Int64(Self.maxN)) ?? 1
        if let t = try f.number("temperature", in: 0 ... 2) { parameters.temperature = Float(t) }
        if let p = try f.number("top_p", in: 0 ... 1) { parameters.topP = Float(max(p, 1e-6)) }
        if let k = try f.int("top_k", in: 0 ... Int64(Int32.max)) { parameters.topK = k }
        if let m = try f.number("min_p", in: 0 ... 1) { parameters.minP = Float(m) }
        if let r = try f.number("repeat_penalty", in: 1e-3 ... 100) { parameters.repeatPenalty = Float(r) }
        if let fp = try f.number("frequency_penalty", in: -2 ... 2) { parameters.frequencyPenalty = Float(fp) }
        if let pp = try f.number("presence_penalty", in: -2 ... 2) { parameters.presencePenalty = Float(pp) }
        if let seed = try f.int64("seed") {
            parameters.seed = UInt64(bitPattern: seed)
        } else {
            var system = SystemRandomNumberGenerator()
            parameters.seed = system.next()
        }
        let limit: Int64 = 1 << 30
        if chat, let m = try f.int("max_completion_tokens", in: 0 ... limit) {
            maxTokens = m
        } else {
            maxTokens = try f.int("max_tokens", in: 0 ... limit)
        }
        if let stops = try f.strings("stop") {
            guard stops.count <= 16 else { throw APIError.invalid("stop", "'stop' may hold at most 16 strings, got \(stops.count)") }
            stop = stops.filter { !$0.isEmpty }
        }
        stream = try f.bool("stream") ?? false
        if let options = f["stream_options"] {
            guard case .object(let o) = options else {
                throw APIError.invalid("stream_options", "'stream_options' must be an object, got \(options.typeName)")
            }
            guard stream else {
                throw APIError.invalid("stream_options", "'stream_options' is only allowed when 'stream' is true")
            }
            includeUsage = try RequestFields(object: o).bool("include_usage") ?? false
        }
        if chat {
            logprobs = try f.bool("logprobs") ?? false
            if let k = try f.int("top_logprobs", in: 0 ... Int64(Self.maxTopLogprobs)) {
                guard logprobs else {
                    throw APIError.invalid("top_logprobs", "'top_logprobs' needs 'logprobs' set to true")
                }
                topLogprobs = k
            }
        } else if let k = try f.int("logprobs", in: 0 ... Int64(Self.maxTopLogprobs)) {
            logprobs = true
            topLogprobs = k
        }
        if !chat {
            echo = try f.bool("echo") ?? false
            if echo, stream {
                throw APIError(status: .badRequest, message: "'echo' is not supported with 'stream': ask without streaming",
                               param: "echo", code: "unsupported_parameter")
            }
        }
        responseFormat = try Self.responseFormat(f)
        try Self.rejectUnsupported(f, chat: chat)
    }

    /// Reads `response_format`, its schema's members in the order the body gives them.
    private static func responseFormat(_ f: RequestFields) throws(APIError) -> ResponseFormat {
        guard let value = f["response_format"] else { return .text }
        guard case .object = value else {
            throw APIError.invalid("response_format", "'response_format' must be an object, got \(value.typeName)")
        }
        var document = JSONDocument(value)
        if let body = f.body, let text = String(data: body, encoding: .utf8),
           let ordered = try? JSONDocument(parsing: text)["response_format"] {
            document = ordered
        }
        do { return try ResponseFormat(openAI: document) } catch {
            throw APIError(status: .badRequest, message: "'response_format': \(error)", param: "response_format",
                           code: "invalid_value")
        }
    }

    /// Compiles `responseFormat` for `model`; an unsupported schema is a 400 naming the keyword and its path.
    mutating func bind(to model: LanguageModel) throws(APIError) {
        do { constraint = try model.constraint(for: responseFormat) } catch {
            throw APIError(status: .badRequest, message: "'response_format': \(error)", param: "response_format",
                           code: error.keyword.map { _ in "unsupported_schema" } ?? "invalid_value")
        }
    }

    /// Parameters this server cannot honour are refused rather than silently ignored.
    private static func rejectUnsupported(_ f: RequestFields, chat: Bool) throws(APIError) {
        func unsupported(_ key: String, _ why: String) -> APIError {
            APIError(status: .badRequest, message: "'\(key)' is not supported by this server: \(why)", param: key,
                     code: "unsupported_parameter")
        }
        if case .array(let tools)? = f["tools"], !tools.isEmpty { throw unsupported("tools", "no tool calling") }
        if case .array(let functions)? = f["functions"], !functions.isEmpty { throw unsupported("functions", "no function calling") }
        if case .object(let bias)? = f["logit_bias"], !bias.isEmpty { throw unsupported("logit_bias", "no logit bias") }
        if chat, try f.bool("echo") == true {
            throw unsupported("echo", "/v1/chat/completions does not echo; use /v1/completions with a prompt")
        }
        if let suffix = try f.string("suffix"), !suffix.isEmpty { throw unsupported("suffix", "no insertion") }
        if let bestOf = try f.int("best_of", in: 1 ... Int64(maxN)), bestOf != (try f.int("n", in: 1 ... Int64(maxN)) ?? 1) {
            throw unsupported("best_of", "only best_of = n")
        }
    }

    /// The engine request for sequence `index` of a prompt.
    func request(prompt: [Int32], index: Int, context: Int) -> GenerationRequest {
        var p = parameters
        p.seed = parameters.seed.map { $0 &+ UInt64(index) }
        let room = max(0, context - prompt.count)
        return GenerationRequest(prompt: prompt, parameters: p, maxTokens: min(maxTokens ?? room, room), stop: stop,
                                 topLogprobs: logprobs ? max(topLogprobs, 0) : 0, constraint: constraint)
    }
}
