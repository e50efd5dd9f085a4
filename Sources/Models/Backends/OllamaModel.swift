import Foundation

/// A model served by Ollama's native API: `POST {host}/api/chat` with `stream: false`. No key.
public struct OllamaModel: ChatModel, CustomStringConvertible, CustomReflectable {
    /// Ollama's default address.
    public static let defaultHost = "http://127.0.0.1:11434"
    /// Ollama's default port, used when `$OLLAMA_HOST` names a host without one.
    public static let defaultPort = 11434

    public let spec: ModelSpec
    public let maxConcurrency: Int
    public let model: String
    public let baseURL: URL
    private let transport: HTTPTransport

    public init(model: String, baseURL: URL, options: BackendOptions = BackendOptions(),
                client: (any HTTPClient)? = nil) {
        spec = .ollama(model: model)
        self.model = model
        self.baseURL = baseURL
        maxConcurrency = options.effectiveConcurrency
        let secrets = [Endpoint.password(in: baseURL.absoluteString)].compactMap { $0 }
        transport = HTTPTransport(label: Endpoint.label(for: spec), secrets: secrets, options: options, client: client)
    }

    /// Host from `$OLLAMA_HOST` (`host`, `host:port` or a full URL) or `http://127.0.0.1:11434`.
    public init(model: String, environment: [String: String], options: BackendOptions = BackendOptions(),
                client: (any HTTPClient)? = nil) throws {
        let label = Endpoint.label(for: .ollama(model: model))
        let host = environment[BackendEnvironment.ollamaHost]?.trimmingCharacters(in: .whitespaces)
        let base: URL
        if let host, !host.isEmpty {
            base = try Endpoint.base(Self.normaliseHost(host), backend: label, origin: BackendEnvironment.ollamaHost)
        } else {
            base = try Endpoint.base(Self.defaultHost, backend: label, origin: "base URL")
        }
        self.init(model: model, baseURL: base, options: options, client: client)
    }

    /// `$OLLAMA_HOST` as a URL: a missing scheme means http, and a bare host gets the default port.
    static func normaliseHost(_ host: String) -> String {
        if host.contains("://") { return host }
        let afterAddress = host.lastIndex(of: "]").map { host[host.index(after: $0)...] } ?? host[...]
        let hasPort = afterAddress.contains(":")
        return "http://" + (hasPort ? host : "\(host):\(defaultPort)")
    }

    /// The type and the backend label; never the key.
    public var description: String { "OllamaModel(\(transport.label))" }

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
        let body = WireRequest(
            model: model,
            messages: request.messages.map { WireMessage(role: $0.role, content: $0.content) },
            stream: false,
            options: WireOptions(temperature: request.temperature, top_p: request.topP,
                                 num_predict: request.maxTokens, seed: RequestEncoding.seed(request.seed, bits: 32),
                                 stop: request.stop.isEmpty ? nil : request.stop))
        return HTTPRequest(url: try Endpoint.join(baseURL, "/api/chat", backend: transport.label),
                           headers: RequestEncoding.headers(),
                           body: try RequestEncoding.json(body, backend: transport.label))
    }

    func parse(_ response: HTTPResponse) throws -> ChatResponse {
        let label = transport.label
        let reply = try ResponseDecoding.decode(WireReply.self, from: response.body, backend: label)
        guard let message = reply.message else {
            if let error = reply.error?.message {
                throw BackendError.malformedResponse(
                    backend: label, reason: "no message; the server reported: \(ProviderErrorMessage.truncate(error))")
            }
            throw ResponseDecoding.missing("message", backend: label, body: response.body)
        }
        guard let content = message.content else {
            throw ResponseDecoding.missing("message.content", backend: label, body: response.body)
        }
        return ChatResponse(text: content, finishReason: Self.normalise(reply.done_reason),
                            promptTokens: reply.prompt_eval_count, completionTokens: reply.eval_count,
                            latencyMilliseconds: response.latencyMilliseconds, reportedModel: reply.model)
    }

    /// Ollama's done reasons in the shared vocabulary.
    static func normalise(_ reason: String?) -> String {
        switch reason {
        case nil: "unknown"
        case "stop": "stop"
        case "length": "length"
        case let other?: other
        }
    }
}

// MARK: - Wire format

private struct WireMessage: Encodable {
    var role: String
    var content: String
}

private struct WireOptions: Encodable {
    var temperature: Double?
    var top_p: Double?
    var num_predict: Int
    var seed: Int64?
    var stop: [String]?
}

private struct WireRequest: Encodable {
    var model: String
    var messages: [WireMessage]
    var stream: Bool
    var options: WireOptions
}

private struct WireReply: Decodable {
    struct Message: Decodable {
        var content: String?
    }
    var model: String?
    var message: Message?
    var done_reason: String?
    var prompt_eval_count: Int?
    var eval_count: Int?
    var error: EmbeddedErrorMessage?
}
