import Embeddings
import Foundation
import Testing

/// The OpenAI-compatible and Ollama clients against a local scripted server.
@Suite(.serialized) struct APIEmbeddingsTests {
    /// A deterministic fake embedding of a text (its length and first character code).
    static func fakeVector(_ text: String) -> [Double] {
        [Double(text.count), Double(text.unicodeScalars.first?.value ?? 0), 1]
    }

    static func inputs(_ body: Data) -> [String] {
        ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any])?["input"] as? [String] ?? []
    }

    /// OpenAI's shape, items listed in reverse order (the client must sort them by index).
    static let openAIReply = APIEmbeddingTestServer.Reply(status: 200) { body in
        let items = inputs(body).enumerated().reversed().map { (i, t) in
            "{\"object\":\"embedding\",\"index\":\(i),\"embedding\":\(fakeVector(t))}"
        }
        return "{\"object\":\"list\",\"data\":[\(items.joined(separator: ","))],\"model\":\"m\"}"
    }

    static let ollamaReply = APIEmbeddingTestServer.Reply(status: 200) { body in
        "{\"model\":\"m\",\"embeddings\":[\(inputs(body).map { "\(fakeVector($0))" }.joined(separator: ","))]}"
    }

    @Test func openAICompatible() async throws {
        let server = try APIEmbeddingTestServer([Self.openAIReply, Self.openAIReply])
        defer { server.stop() }
        var client = APIEmbeddings(provider: .openAI, model: "text-embedding-3-small", baseURL: server.baseURL,
                                   environment: ["OPENAI_API_KEY": "sk-test-secret"])
        client.batchSize = 2
        let words = ["dignity", "fairness", "care"]
        let space = try await client.space(words: words)
        #expect(space.name == "api:openai:text-embedding-3-small")
        #expect(space.dimension == 3)
        for w in words { #expect(try space.vector(for: w) == Self.fakeVector(w).map(Float.init)) }
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.path == "/v1/embeddings" })
        #expect(requests.first?.headers["authorization"] == "Bearer sk-test-secret")
        #expect(requests.first?.json?["model"] as? String == "text-embedding-3-small")
        #expect(requests.map { Self.inputs($0.body) } == [["dignity", "fairness"], ["care"]])
        #expect(!"\(client)".contains("sk-test-secret"))
        #expect(!String(reflecting: client).contains("sk-test-secret"))
    }

    @Test func ollama() async throws {
        let server = try APIEmbeddingTestServer([Self.ollamaReply])
        defer { server.stop() }
        let client = APIEmbeddings(provider: .ollama, model: "nomic-embed-text", baseURL: server.baseURL, environment: [:])
        let vectors = try await client.embed(["a", "bb"])
        #expect(vectors == [Self.fakeVector("a").map(Float.init), Self.fakeVector("bb").map(Float.init)])
        #expect(server.requests.first?.path == "/api/embed")
        #expect(server.requests.first?.headers["authorization"] == nil)
    }

    @Test func retriesServerErrorsAndRateLimits() async throws {
        let server = try APIEmbeddingTestServer([
            .init(status: 500) { _ in "{\"error\":{\"message\":\"overloaded\"}}" },
            .init(status: 429, headers: ["Retry-After": "0"]) { _ in "{}" },
            Self.openAIReply,
        ])
        defer { server.stop() }
        var client = APIEmbeddings(provider: .openAI, model: "m", baseURL: server.baseURL, environment: [:])
        client.initialBackoff = 0.01
        let vectors = try await client.embed(["x"])
        #expect(vectors == [Self.fakeVector("x").map(Float.init)])
        #expect(server.requests.count == 3)
    }

    @Test func givesUpAfterMaxAttempts() async throws {
        let failing = APIEmbeddingTestServer.Reply(status: 503) { _ in "{\"error\":\"down\"}" }
        let server = try APIEmbeddingTestServer([failing, failing, failing])
        defer { server.stop() }
        var client = APIEmbeddings(provider: .ollama, model: "m", baseURL: server.baseURL, environment: [:])
        client.initialBackoff = 0.01
        client.maxAttempts = 2
        let error = try await #require(throws: EmbeddingError.self) { try await client.embed(["x"]) }
        #expect(error.description.contains("after 2 attempts"))
        // Normally both attempts reach the server and the last cause is the 503; the HTTP stack may also spend an
        // attempt on a kept-alive connection the server has closed (a retried network error), or, on a loaded
        // machine, resend a request on a new connection by itself (the server then sees more than two).
        let count = server.requests.count
        #expect(count == 2 ? error.description.contains("503") : count >= 1, "\(error)")
    }

    /// A client error is final, and the key never shows, even when the service echoes it.
    @Test func clientErrorsAreFinalAndRedacted() async throws {
        let server = try APIEmbeddingTestServer([
            .init(status: 401) { _ in "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-secret\"}}" },
        ])
        defer { server.stop() }
        let client = APIEmbeddings(provider: .openAI, model: "m", baseURL: server.baseURL, keyVariable: "MY_KEY",
                                   environment: ["MY_KEY": "sk-test-secret"])
        let error = try await #require(throws: EmbeddingError.self) { try await client.embed(["x"]) }
        #expect(error.description.contains("HTTP 401"))
        #expect(error.description.contains("Incorrect API key"))
        #expect(!error.description.contains("sk-test-secret"))
        #expect(!error.description.contains("\n"))
        #expect(server.requests.count == 1)
    }

    @Test func malformedResponses() async throws {
        let server = try APIEmbeddingTestServer([
            .init(status: 200) { _ in "not json" },
            .init(status: 200) { _ in "{\"data\":[]}" },
            .init(status: 200) { _ in "{\"embeddings\":[[1,\"x\"]]}" },
        ])
        defer { server.stop() }
        let openAI = APIEmbeddings(provider: .openAI, model: "m", baseURL: server.baseURL.appendingPathComponent("v1"), environment: [:])
        let e1 = try await #require(throws: EmbeddingError.self) { try await openAI.embed(["x"]) }
        #expect(e1.description.contains("malformed"))
        let e2 = try await #require(throws: EmbeddingError.self) { try await openAI.embed(["x"]) }
        #expect(e2.description.contains("0 embeddings for 1 inputs"))
        let ollama = APIEmbeddings(provider: .ollama, model: "m", baseURL: server.baseURL, environment: [:])
        let e3 = try await #require(throws: EmbeddingError.self) { try await ollama.embed(["x"]) }
        #expect(e3.description.contains("not a list of numbers"))
        // A base URL ending in /v1 is not doubled.
        #expect(server.requests.first?.path == "/v1/embeddings")
    }
}
