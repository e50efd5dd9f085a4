import Assets
import Foundation
import Inference
import Models

/// The real SmolLM2 model through the asset store (fetched once into the cache), loaded once per test process.
enum TestModel {
    static let smolLM2: Result<LanguageModel, any Error> = Result { try LocalModels.load(.local("smollm2")) }

    static func load() throws -> LanguageModel { try smolLM2.get() }
}

/// A plain HTTP client for status codes, headers and bodies.
enum TestHTTP {
    static let client = URLSessionHTTPClient(maxConnectionsPerHost: 32)

    static func send(_ method: String, _ url: URL, json: String? = nil, headers: [String: String] = [:]) async throws -> HTTPResponse {
        var h = headers
        if json != nil { h["Content-Type"] = "application/json" }
        return try await client.send(HTTPRequest(method: method, url: url, headers: h, body: Data((json ?? "").utf8)), timeout: 120)
    }

    /// The `error` object of an OpenAI error body.
    static func error(_ response: HTTPResponse) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: response.body) as? [String: Any])?["error"] as? [String: Any]
    }

    static func object(_ response: HTTPResponse) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
    }
}
