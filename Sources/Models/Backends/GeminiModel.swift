import Foundation

/// A Gemini model behind Google's Generative Language API:
/// `POST {base}/v1beta/models/{model}:generateContent` with the key in `x-goog-api-key`. Roles are
/// `user` / `model`; system messages become `systemInstruction`.
public struct GeminiModel: ChatModel, CustomStringConvertible, CustomReflectable {
    /// Google's API root (the `/v1beta/models/...` path is appended).
    public static let officialBaseURL = "https://generativelanguage.googleapis.com"

    public let spec: ModelSpec
    public let maxConcurrency: Int
    /// The model name as given (a leading `models/` is accepted and dropped from the URL).
    public let model: String
    public let baseURL: URL
    private let apiKey: APIKey
    private let transport: HTTPTransport

    public init(model: String, apiKey: APIKey, baseURL: URL, options: BackendOptions = BackendOptions(),
                client: (any HTTPClient)? = nil) {
        spec = .gemini(model: model)
        self.model = model
        self.apiKey = apiKey
        self.baseURL = baseURL
        maxConcurrency = options.effectiveConcurrency
        transport = HTTPTransport(label: Endpoint.label(for: spec), secrets: [apiKey.value], options: options,
                                  client: client)
    }

    /// Key from `$GEMINI_API_KEY`, else `$GOOGLE_API_KEY` (one is required); base from `$GEMINI_BASE_URL` or
    /// Google's.
    public init(model: String, environment: [String: String], options: BackendOptions = BackendOptions(),
                client: (any HTTPClient)? = nil) throws {
        let label = Endpoint.label(for: .gemini(model: model))
        let variables = [BackendEnvironment.geminiKey, BackendEnvironment.googleKey]
        guard let key = APIKey.from(environment, variables: variables) else {
            throw BackendError.missingAPIKey(backend: label, variables: variables)
        }
        let override = environment[BackendEnvironment.geminiBaseURL].flatMap { $0.isEmpty ? nil : $0 }
        let base = try Endpoint.base(override ?? Self.officialBaseURL, backend: label,
                                     origin: override == nil ? "base URL" : BackendEnvironment.geminiBaseURL,
                                     secrets: [key.value])
        self.init(model: model, apiKey: key, baseURL: base, options: options, client: client)
    }

    /// The type and the backend label; never the key.
    public var description: String { "GeminiModel(\(transport.label))" }

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
        var system: [WirePart] = []
        var contents: [WireContent] = []
        for message in request.messages {
            switch message.role.lowercased() {
            case "system", "developer": system.append(WirePart(text: message.content))
            case "assistant", "model": contents.append(WireContent(role: "model", parts: [WirePart(text: message.content)]))
            default: contents.append(WireContent(role: "user", parts: [WirePart(text: message.content)]))
            }
        }
        let config = WireGenerationConfig(
            temperature: request.temperature,
            topP: request.topP,
            maxOutputTokens: request.maxTokens,
            seed: RequestEncoding.seed(request.seed, bits: 32),
            stopSequences: request.stop.isEmpty ? nil : request.stop)
        let body = WireRequest(contents: contents,
                               systemInstruction: system.isEmpty ? nil : WireSystem(parts: system),
                               generationConfig: config)
        var name = model
        if name.hasPrefix("models/") { name.removeFirst("models/".count) }
        let path = "/v1beta/models/\(Endpoint.pathSegment(name)):generateContent"
        return HTTPRequest(url: try Endpoint.join(baseURL, path, backend: transport.label),
                           headers: RequestEncoding.headers(["x-goog-api-key": apiKey.value]),
                           body: try RequestEncoding.json(body, backend: transport.label))
    }

    func parse(_ response: HTTPResponse) throws -> ChatResponse {
        let label = transport.label
        let reply = try ResponseDecoding.decode(WireReply.self, from: response.body, backend: label)
        let prompt = reply.usageMetadata?.promptTokenCount
        guard let candidate = reply.candidates?.first else {
            if reply.promptFeedback?.blockReason != nil {
                // The prompt itself was blocked: an answer, labelled as filtered, with no text.
                return ChatResponse(text: "", finishReason: "content_filter", promptTokens: prompt,
                                    completionTokens: 0, latencyMilliseconds: response.latencyMilliseconds,
                                    reportedModel: reply.modelVersion)
            }
            throw ResponseDecoding.missing("candidates[0]", backend: label, body: response.body)
        }
        let finish = Self.normalise(candidate.finishReason)
        let texts = (candidate.content?.parts ?? []).filter { $0.thought != true }.compactMap(\.text)
        if texts.isEmpty, finish == "stop" || candidate.finishReason == nil {
            throw ResponseDecoding.missing("candidates[0].content.parts[].text", backend: label, body: response.body)
        }
        return ChatResponse(text: texts.joined(), finishReason: finish, promptTokens: prompt,
                            completionTokens: reply.usageMetadata?.candidatesTokenCount,
                            latencyMilliseconds: response.latencyMilliseconds, reportedModel: reply.modelVersion)
    }

    /// Gemini's finish reasons in the shared vocabulary.
    static func normalise(_ reason: String?) -> String {
        switch reason {
        case nil: "unknown"
        case "STOP": "stop"
        case "MAX_TOKENS": "length"
        case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY": "content_filter"
        case let other?: other.lowercased()
        }
    }
}

// MARK: - Wire format

private struct WirePart: Encodable {
    var text: String
}

private struct WireContent: Encodable {
    var role: String
    var parts: [WirePart]
}

private struct WireSystem: Encodable {
    var parts: [WirePart]
}

private struct WireGenerationConfig: Encodable {
    var temperature: Double?
    var topP: Double?
    var maxOutputTokens: Int
    var seed: Int64?
    var stopSequences: [String]?
}

private struct WireRequest: Encodable {
    var contents: [WireContent]
    var systemInstruction: WireSystem?
    var generationConfig: WireGenerationConfig
}

private struct WireReply: Decodable {
    struct Part: Decodable {
        var text: String?
        var thought: Bool?
    }
    struct Content: Decodable {
        var parts: [Part]?
    }
    struct Candidate: Decodable {
        var content: Content?
        var finishReason: String?
    }
    struct Usage: Decodable {
        var promptTokenCount: Int?
        var candidatesTokenCount: Int?
    }
    struct Feedback: Decodable {
        var blockReason: String?
    }
    var candidates: [Candidate]?
    var usageMetadata: Usage?
    var modelVersion: String?
    var promptFeedback: Feedback?
}
