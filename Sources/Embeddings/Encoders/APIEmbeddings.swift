import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Embeddings from an HTTP service: an OpenAI-compatible `POST /v1/embeddings` or Ollama's `POST /api/embed`.
///
/// Texts are sent in batches; a batch is retried on 429, 5xx, timeouts and lost connections with exponential
/// backoff (honouring `Retry-After`). The API key is read from the environment only, is sent as a bearer
/// token, and never appears in an error.
public struct APIEmbeddings: Sendable {
    public enum Provider: String, Sendable, CaseIterable {
        /// `POST {base}/v1/embeddings`, `{"model", "input": [...]}` → `{"data": [{"index", "embedding"}]}`.
        case openAI = "openai"
        /// `POST {base}/api/embed`, `{"model", "input": [...]}` → `{"embeddings": [[...]]}`.
        case ollama

        /// Where the service usually listens.
        public var defaultBaseURL: URL {
            switch self {
            case .openAI: URL(string: "https://api.openai.com")!
            case .ollama: URL(string: "http://localhost:11434")!
            }
        }

        /// The environment variable the key is read from by default (none for Ollama).
        public var defaultKeyVariable: String? {
            switch self {
            case .openAI: "OPENAI_API_KEY"
            case .ollama: nil
            }
        }
    }

    public let provider: Provider
    public let model: String
    /// The service root (`/v1/embeddings` or `/api/embed` is appended; a trailing `/v1` is not repeated).
    public let baseURL: URL
    /// Texts per request.
    public var batchSize = 64
    /// Seconds allowed for one request.
    public var timeout: Double = 60
    /// Attempts per batch, the first included.
    public var maxAttempts = 4
    /// Delay before the first retry, in seconds; doubled for each further retry.
    public var initialBackoff: Double = 0.5
    private let apiKey: String?

    /// A client for `model` at `baseURL` (default: the provider's usual address). The key is taken from the
    /// environment variable `keyVariable` (default: the provider's, e.g. `OPENAI_API_KEY`); with none set,
    /// requests carry no `Authorization` header.
    public init(provider: Provider, model: String, baseURL: URL? = nil, keyVariable: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.provider = provider
        self.model = model
        self.baseURL = baseURL ?? provider.defaultBaseURL
        let variable = keyVariable ?? provider.defaultKeyVariable
        let key = variable.flatMap { environment[$0] }?.trimmingCharacters(in: .whitespacesAndNewlines)
        apiKey = (key?.isEmpty ?? true) ? nil : key
    }

    /// `api:<provider>:<model>`.
    public var name: String { "api:\(provider.rawValue):\(model)" }

    /// The endpoint requests go to.
    public var endpoint: URL {
        switch provider {
        case .openAI:
            baseURL.path.hasSuffix("/v1") ? baseURL.appendingPathComponent("embeddings")
                : baseURL.appendingPathComponent("v1").appendingPathComponent("embeddings")
        case .ollama:
            baseURL.appendingPathComponent("api").appendingPathComponent("embed")
        }
    }

    /// One vector per text, in order.
    public func embed(_ texts: [String]) async throws -> [[Float]] {
        guard batchSize > 0 else { throw EmbeddingError.invalid("\(name): batch size must be positive") }
        // A session of our own: no connection shared with other clients, nothing cached or stored.
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        var out: [[Float]] = []
        out.reserveCapacity(texts.count)
        var start = 0
        while start < texts.count {
            let batch = Array(texts[start ..< min(texts.count, start + batchSize)])
            let vectors = try await embedBatch(batch, session: session)
            if let d = out.first?.count, vectors.contains(where: { $0.count != d }) {
                throw EmbeddingError.malformed("\(name): vectors of different lengths across batches")
            }
            out += vectors
            start += batch.count
        }
        return out
    }

    /// A space of `words`, named ``name``.
    public func space(words: [String]) async throws -> VectorSpace {
        let vectors = try await embed(words)
        guard let d = vectors.first?.count, d > 0 else {
            throw EmbeddingError.invalid("\(name): no vectors (empty word list?)")
        }
        return try VectorSpace(name: name, words: words, vectors: vectors.flatMap { $0 }, dimension: d)
    }

    private func embedBatch(_ texts: [String], session: URLSession) async throws -> [[Float]] {
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.timeoutInterval = timeout
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let apiKey { request.setValue("Bearer \(apiKey)", forHTTPHeaderField: "Authorization") }
        request.httpBody = try JSONSerialization.data(withJSONObject: ["model": model, "input": texts])

        var attempt = 1
        while true {
            try Task.checkCancellation()
            let retryAfter: Double?
            let cause: String
            do {
                let (data, response) = try await session.data(for: request)
                guard let http = response as? HTTPURLResponse else { throw EmbeddingError.io("\(name): no HTTP response") }
                if (200 ..< 300).contains(http.statusCode) { return try decode(data, count: texts.count) }
                let message = redact(Self.providerMessage(data))
                guard http.statusCode == 429 || http.statusCode >= 500 else {
                    throw EmbeddingError.io("\(name): HTTP \(http.statusCode) from \(endpoint.absoluteString)\(message.isEmpty ? "" : ": " + message)")
                }
                cause = "HTTP \(http.statusCode)\(message.isEmpty ? "" : ": " + message)"
                retryAfter = (http.value(forHTTPHeaderField: "Retry-After")).flatMap(Double.init)
            } catch let error as EmbeddingError {
                throw error
            } catch let error as CancellationError {
                throw error
            } catch let error as URLError {
                switch error.code {
                case .timedOut, .networkConnectionLost, .cannotConnectToHost, .notConnectedToInternet, .badServerResponse,
                     .cannotParseResponse, .zeroByteResource, .dnsLookupFailed:
                    cause = "network error \(error.code.rawValue)"
                    retryAfter = nil
                default:
                    throw EmbeddingError.io("\(name): request to \(endpoint.absoluteString) failed (URLError \(error.code.rawValue))")
                }
            } catch {
                throw EmbeddingError.io("\(name): request to \(endpoint.absoluteString) failed: \(redact(String(describing: error)).prefix(200))")
            }
            guard attempt < maxAttempts else {
                throw EmbeddingError.io("\(name): \(endpoint.absoluteString) failed after \(attempt) attempts; last: \(cause)")
            }
            let backoff = initialBackoff * Double(1 << min(attempt - 1, 16))
            let wait = min(30, max(backoff, retryAfter ?? 0))
            try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
            attempt += 1
        }
    }

    private func decode(_ data: Data, count: Int) throws -> [[Float]] {
        func bad(_ what: String) -> EmbeddingError { .malformed("\(name): malformed response from \(endpoint.absoluteString): \(what)") }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { throw bad("not a JSON object") }
        var vectors: [[Float]]
        switch provider {
        case .openAI:
            guard let items = object["data"] as? [[String: Any]] else { throw bad("no 'data' list") }
            var byIndex = [[Float]?](repeating: nil, count: count)
            for (k, item) in items.enumerated() {
                let index = (item["index"] as? NSNumber)?.intValue ?? k
                guard index >= 0, index < count, byIndex[index] == nil else { throw bad("bad or repeated index \(index)") }
                guard let v = Self.floats(item["embedding"]) else { throw bad("item \(index) has no numeric 'embedding'") }
                byIndex[index] = v
            }
            guard byIndex.allSatisfy({ $0 != nil }) else { throw bad("\(items.count) embeddings for \(count) inputs") }
            vectors = byIndex.compactMap { $0 }
        case .ollama:
            guard let list = object["embeddings"] as? [Any] else { throw bad("no 'embeddings' list") }
            vectors = []
            for (k, item) in list.enumerated() {
                guard let v = Self.floats(item) else { throw bad("embedding \(k) is not a list of numbers") }
                vectors.append(v)
            }
        }
        guard vectors.count == count else { throw bad("\(vectors.count) embeddings for \(count) inputs") }
        guard let d = vectors.first?.count, d > 0, vectors.allSatisfy({ $0.count == d }) else {
            throw bad("empty or unequal vector lengths")
        }
        guard vectors.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { throw bad("a vector holds a non-finite value") }
        return vectors
    }

    private static func floats(_ value: Any?) -> [Float]? {
        guard let list = value as? [Any] else { return nil }
        var out: [Float] = []
        out.reserveCapacity(list.count)
        for x in list {
            guard type(of: x) != Bool.self, let n = x as? NSNumber else { return nil }
            out.append(n.floatValue)
        }
        return out
    }

    /// The service's own error text (`{"error": {"message"}}`, `{"error": "..."}`), shortened to one line.
    private static func providerMessage(_ data: Data) -> String {
        var text = ""
        if let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] {
            if let e = object["error"] as? [String: Any], let m = e["message"] as? String { text = m }
            else if let m = object["error"] as? String { text = m }
            else if let m = object["message"] as? String { text = m }
        }
        if text.isEmpty { text = String(decoding: data.prefix(200), as: UTF8.self) }
        let oneLine = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return String(oneLine.prefix(200))
    }

    /// Removes the API key from text that may echo it.
    private func redact(_ text: String) -> String {
        guard let apiKey, !apiKey.isEmpty else { return text }
        return text.replacingOccurrences(of: apiKey, with: "<redacted>")
    }
}

extension APIEmbeddings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the service and model; never shows the key.
    public var description: String { "\(name) at \(endpoint.absoluteString)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["provider": provider, "model": model, "baseURL": baseURL,
                                "apiKey": apiKey == nil ? "none" : "<redacted>"])
    }
}
