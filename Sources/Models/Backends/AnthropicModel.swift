import Foundation

/// A Claude model behind Anthropic's Messages API: `POST {base}/v1/messages` with `x-api-key` and
/// `anthropic-version: 2023-06-01`. System messages go to the top-level `system` field.
public struct AnthropicModel: ChatModel, CustomStringConvertible, CustomReflectable {
    /// Anthropic's API root (the `/v1/messages` path is appended).
    public static let officialBaseURL = "https://api.anthropic.com"
    /// The API version header value sent with every request.
    public static let apiVersion = "2023-06-01"

    public let spec: ModelSpec
    public let maxConcurrency: Int
    public let model: String
    public let baseURL: URL
    private let apiKey: APIKey
    private let transport: HTTPTransport

    public init(model: String, apiKey: APIKey, baseURL: URL, options: BackendOptions = BackendOptions(),
                client: (any HTTPClient)? = nil) {
        spec = .anthropic(model: model)
        self.model = model
        self.apiKey = apiKey
        self.baseURL = baseURL
        maxConcurrency = options.effectiveConcurrency
        transport = HTTPTransport(label: Endpoint.label(for: spec), secrets: [apiKey.value], options: options,
                                  client: client)
    }

    /// Key from `$ANTHROPIC_API_KEY` (required), base from `$ANTHROPIC_BASE_URL` or Anthropic's.
    public init(model: String, environment: [String: String], options: BackendOptions = BackendOptions(),
                client: (any HTTPClient)? = nil) throws {
        let label = Endpoint.label(for: .anthropic(model: model))
        guard let key = APIKey.from(environment, variables: [BackendEnvironment.anthropicKey]) else {
            throw BackendError.missingAPIKey(backend: label, variables: [BackendEnvironment.anthropicKey])
        }
        let override = environment[BackendEnvironment.anthropicBaseURL].flatMap { $0.isEmpty ? nil : $0 }
        let base = try Endpoint.base(override ?? Self.officialBaseURL, backend: label,
                                     origin: override == nil ? "base URL" : BackendEnvironment.anthropicBaseURL,
                                     secrets: [key.value])
        self.init(model: model, apiKey: key, baseURL: base, options: options, client: client)
    }

    /// The type and the backend label; never the key.
    public var description: String { "AnthropicModel(\(transport.label))" }

    /// The public settings only.
    public var customMirror: Mirror {
        Mirror(self, children: ["spec": transport.label, "model": model,
                                "baseURL": Endpoint.maskingPassword(baseURL.absoluteString),
                                "maxConcurrency": maxConcurrency])
    }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let http = try makeHTTPRequest(request)
        return try await transport.perform(http) { try parse($0) }
    }

    func makeHTTPRequest(_ request: ChatRequest) throws -> HTTPRequest {
        var system: [String] = []
        var messages: [WireMessage] = []
        for message in request.messages {
            switch message.role.lowercased() {
            case "system", "developer": system.append(message.content)
            case "assistant", "model": messages.append(WireMessage(role: "assistant", content: message.content))
            default: messages.append(WireMessage(role: "user", content: message.content))
            }
        }
        let body = WireRequest(
            model: model,
            max_tokens: request.maxTokens,
            messages: messages,
            system: system.isEmpty ? nil : system.joined(separator: "\n\n"),
            temperature: request.temperature,
            top_p: request.topP,
            stop_sequences: request.stop.isEmpty ? nil : request.stop)
        let headers = RequestEncoding.headers(["x-api-key": apiKey.value, "anthropic-version": Self.apiVersion])
        return HTTPRequest(url: try Endpoint.join(baseURL, "/v1/messages", backend: transport.label),
                           headers: headers, body: try RequestEncoding.json(body, backend: transport.label))
    }

    func parse(_ response: HTTPResponse) throws -> ChatResponse {
        let label = transport.label
        let reply = try ResponseDecoding.decode(WireReply.self, from: response.body, backend: label)
        guard let blocks = reply.content else {
            if let error = reply.error?.message {
                throw BackendError.malformedResponse(
                    backend: label, reason: "no content; the server reported: \(ProviderErrorMessage.truncate(error))")
            }
            throw ResponseDecoding.missing("content", backend: label, body: response.body)
        }
        let texts = blocks.filter { $0.type == "text" }.compactMap(\.text)
        let finish = Self.normalise(reply.stop_reason)
        if texts.isEmpty, finish == "stop" || reply.stop_reason == nil {
            throw ResponseDecoding.missing("a text block in content", backend: label, body: response.body)
        }
        return ChatResponse(text: texts.joined(), finishReason: finish, promptTokens: reply.usage?.input_tokens,
                            completionTokens: reply.usage?.output_tokens,
                            latencyMilliseconds: response.latencyMilliseconds, reportedModel: reply.model)
    }

    /// Anthropic's stop reasons in the shared vocabulary.
    static func normalise(_ reason: String?) -> String {
        switch reason {
        case nil: "unknown"
        case "end_turn", "stop_sequence": "stop"
        case "max_tokens", "model_context_window_exceeded": "length"
        case "refusal": "content_filter"
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
    var max_tokens: Int
    var messages: [WireMessage]
    var system: String?
    var temperature: Double?
    var top_p: Double?
    var stop_sequences: [String]?
}

private struct WireReply: Decodable {
    struct Block: Decodable {
        var type: String?
        var text: String?
    }
    struct Usage: Decodable {
        var input_tokens: Int?
        var output_tokens: Int?
    }
    var model: String?
    var content: [Block]?
    var stop_reason: String?
    var usage: Usage?
    var error: EmbeddedErrorMessage?
}
