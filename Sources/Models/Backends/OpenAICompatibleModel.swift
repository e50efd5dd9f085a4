import Foundation
import Inference

/// A model behind an OpenAI-style Chat Completions API: `POST {baseURL}/chat/completions`, the key (if any) as
/// `Authorization: Bearer`. Serves `openai:MODEL` (OpenAI itself or `$OPENAI_BASE_URL`) and
/// `openai-compatible:URL#MODEL` (vLLM, llama.cpp server, LM Studio, OpenRouter, ...).
public struct OpenAICompatibleModel: ChatModel, CustomStringConvertible, CustomReflectable {
    /// OpenAI's own API root.
    public static let officialBaseURL = "https://api.openai.com/v1"

    public let spec: ModelSpec
    public let maxConcurrency: Int
    /// The model name sent in each request.
    public let model: String
    /// The API root the `/chat/completions` path is appended to.
    public let baseURL: URL
    private let apiKey: APIKey?
    private let transport: HTTPTransport

    /// A model at `baseURL` (for example `https://host/v1`). `spec` defaults to `openai-compatible:URL#MODEL`.
    public init(model: String, baseURL: URL, apiKey: APIKey?, spec: ModelSpec? = nil,
                options: BackendOptions = BackendOptions(), client: (any HTTPClient)? = nil) {
        let spec = spec ?? .openAICompatible(baseURL: baseURL.absoluteString, model: model)
        self.spec = spec
        self.model = model
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.maxConcurrency = options.effectiveConcurrency
        let secrets = [apiKey?.value, Endpoint.password(in: baseURL.absoluteString)].compactMap { $0 }
        transport = HTTPTransport(label: Endpoint.label(for: spec), secrets: secrets, options: options, client: client)
    }

    /// `openai:MODEL`: base `$OPENAI_BASE_URL` or OpenAI's, key `$OPENAI_API_KEY` (required).
    public static func openAI(model: String, environment: [String: String], options: BackendOptions = BackendOptions(),
                              client: (any HTTPClient)? = nil) throws -> OpenAICompatibleModel {
        let spec = ModelSpec.openAI(model: model)
        let label = Endpoint.label(for: spec)
        guard let key = APIKey.from(environment, variables: [BackendEnvironment.openAIKey]) else {
            throw BackendError.missingAPIKey(backend: label, variables: [BackendEnvironment.openAIKey])
        }
        let override = environment[BackendEnvironment.openAIBaseURL].flatMap { $0.isEmpty ? nil : $0 }
        let base = try Endpoint.base(override ?? officialBaseURL, backend: label,
                                     origin: override == nil ? "base URL" : BackendEnvironment.openAIBaseURL,
                                     secrets: [key.value])
        return OpenAICompatibleModel(model: model, baseURL: base, apiKey: key, spec: spec, options: options,
                                     client: client)
    }

    /// `openai-compatible:URL#MODEL`: key from `$OPENAI_COMPATIBLE_API_KEY`, else `$OPENAI_API_KEY`, else none.
    public static func compatible(baseURL: String, model: String, environment: [String: String],
                                  options: BackendOptions = BackendOptions(),
                                  client: (any HTTPClient)? = nil) throws -> OpenAICompatibleModel {
        let spec = ModelSpec.openAICompatible(baseURL: baseURL, model: model)
        let key = APIKey.from(environment, variables: [BackendEnvironment.openAICompatibleKey,
                                                       BackendEnvironment.openAIKey])
        let base = try Endpoint.base(baseURL, backend: Endpoint.label(for: spec), origin: "base URL",
                                     secrets: [key?.value].compactMap { $0 })
        return OpenAICompatibleModel(model: model, baseURL: base, apiKey: key, spec: spec, options: options,
                                     client: client)
    }

    /// The type and the backend label; never the key.
    public var description: String { "OpenAICompatibleModel(\(transport.label))" }

    /// The public settings only.
    public var customMirror: Mirror {
        Mirror(self, children: ["spec": transport.label, "model": model,
                                "baseURL": Endpoint.maskingPassword(baseURL.absoluteString),
                                "maxConcurrency": maxConcurrency])
    }

    /// `response_format` is sent as OpenAI's wire form; OpenAI, llama-server and vLLM enforce it.
    public var honoursResponseFormat: Bool { true }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let http = try makeHTTPRequest(request)
        return try await transport.perform(http) { try parse($0) }
    }

    /// The HTTP request for `request`.
    func makeHTTPRequest(_ request: ChatRequest) throws -> HTTPRequest {
        let body = WireRequest(
            model: model,
            messages: request.messages.map { WireMessage(role: $0.role, content: $0.content) },
            temperature: request.temperature,
            top_p: request.topP,
            max_tokens: request.maxTokens,
            seed: RequestEncoding.seed(request.seed, bits: 64),
            stop: request.stop.isEmpty ? nil : request.stop,
            stream: false,
            logprobs: request.topLogprobs == nil ? nil : true,
            top_logprobs: request.topLogprobs)
        var extra: [String: String] = [:]
        if let apiKey { extra["Authorization"] = "Bearer \(apiKey.value)" }
        var encoded = try RequestEncoding.json(body, backend: transport.label)
        if let format = request.responseFormat, format != .text, encoded.last == UInt8(ascii: "}") {
            // Spliced in as written, so the schema's properties keep their order (the encoder sorts keys).
            encoded.removeLast()
            encoded.append(contentsOf: Array(",\"response_format\":\(format.openAIDocument.compactText)}".utf8))
        }
        return HTTPRequest(url: try Endpoint.join(baseURL, "/chat/completions", backend: transport.label),
                           headers: RequestEncoding.headers(extra), body: encoded)
    }

    /// The answer in a 2xx response.
    func parse(_ response: HTTPResponse) throws -> ChatResponse {
        let label = transport.label
        let reply = try ResponseDecoding.decode(WireReply.self, from: response.body, backend: label)
        guard let choice = reply.choices?.first else {
            if let error = reply.error?.message {
                throw BackendError.malformedResponse(
                    backend: label, reason: "no choices; the server reported: \(ProviderErrorMessage.truncate(error))")
            }
            throw ResponseDecoding.missing("choices[0]", backend: label, body: response.body)
        }
        guard let message = choice.message else {
            throw ResponseDecoding.missing("choices[0].message", backend: label, body: response.body)
        }
        let finish = Self.normalise(choice.finish_reason)
        let text: String
        if let content = message.content {
            text = content.text
        } else if let refusal = message.refusal {
            return ChatResponse(text: refusal, finishReason: "content_filter",
                                promptTokens: reply.usage?.prompt_tokens,
                                completionTokens: reply.usage?.completion_tokens,
                                latencyMilliseconds: response.latencyMilliseconds, reportedModel: reply.model,
                                systemFingerprint: reply.system_fingerprint)
        } else if choice.finish_reason != nil, finish != "stop" {
            text = ""
        } else {
            throw ResponseDecoding.missing("choices[0].message.content", backend: label, body: response.body)
        }
        var answer = ChatResponse(text: text, finishReason: finish, promptTokens: reply.usage?.prompt_tokens,
                                  completionTokens: reply.usage?.completion_tokens,
                                  latencyMilliseconds: response.latencyMilliseconds, reportedModel: reply.model,
                                  systemFingerprint: reply.system_fingerprint)
        if let first = choice.logprobs?.content?.first {
            let top = first.top_logprobs ?? []
            answer.firstTokenLogprobs = (top.isEmpty ? [WireReply.Alternative(token: first.token, logprob: first.logprob)] : top)
                .compactMap { $0.logprob.isFinite ? TokenLogprob(token: $0.token, logprob: $0.logprob) : nil }
        }
        return answer
    }

    /// OpenAI's finish reasons in the shared vocabulary.
    static func normalise(_ reason: String?) -> String {
        switch reason?.lowercased() {
        case nil: "unknown"
        case "stop", "eos", "end_turn", "stop_sequence": "stop"
        case "length", "max_tokens": "length"
        case "content_filter": "content_filter"
        case let other?: other
        }
    }
}

// MARK: - Wire format

private struct WireMessage: Encodable {
    var role: String
    var content: String
}

private struct WireRequest: Encodable {
    var model: String
    var messages: [WireMessage]
    var temperature: Double?
    var top_p: Double?
    var max_tokens: Int
    var seed: Int64?
    var stop: [String]?
    var stream: Bool
    var logprobs: Bool?
    var top_logprobs: Int?
}

private struct WireReply: Decodable {
    struct Choice: Decodable {
        var message: Message?
        var finish_reason: String?
        var logprobs: Logprobs?
    }
    struct Logprobs: Decodable {
        var content: [Entry]?
    }
    struct Entry: Decodable {
        var token: String
        var logprob: Double
        var top_logprobs: [Alternative]?
    }
    struct Alternative: Decodable {
        var token: String
        var logprob: Double
    }
    struct Message: Decodable {
        var content: Content?
        var refusal: String?
    }
    struct Usage: Decodable {
        var prompt_tokens: Int?
        var completion_tokens: Int?
    }
    var model: String?
    var system_fingerprint: String?
    var choices: [Choice]?
    var usage: Usage?
    var error: EmbeddedErrorMessage?
}

/// Message content: a string, or (some servers) a list of `{"type": "text", "text": ...}` parts.
private struct Content: Decodable {
    var text: String

    private struct Part: Decodable {
        var type: String?
        var text: String?
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            text = string
        } else {
            let parts = try container.decode([Part].self)
            text = parts.filter { $0.type == nil || $0.type == "text" }.compactMap(\.text).joined()
        }
    }
}
