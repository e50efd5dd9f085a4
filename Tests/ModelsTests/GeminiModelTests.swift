import Foundation
import Testing
@testable import Models

@Suite struct GeminiModelTests {
    @Test func systemInstructionRolesAndGenerationConfig() async throws {
        let server = try TestHTTPServer([.respond(status: 200, body: BackendFixture.gemini.successBody)])
        defer { server.stop() }
        let model = try BackendFixture.gemini.make(server.baseURL, fastOptions())
        let response = try await model.complete(sampleRequest)
        let recorded = try #require(server.requests.first)
        #expect(recorded.path == "/v1beta/models/gemini-test:generateContent")
        #expect(recorded.header("x-goog-api-key") == fakeKey)
        #expect(!recorded.path.contains("key="))
        let body = try recorded.json()
        let system = try #require(body["systemInstruction"] as? [String: Any])
        #expect((system["parts"] as? [[String: String]]) == [["text": sampleRequest.messages[0].content]])
        let contents = try #require(body["contents"] as? [[String: Any]])
        #expect(contents.map { $0["role"] as? String } == ["user", "model", "user"])
        #expect(contents.map { ($0["parts"] as? [[String: String]])?.first?["text"] }
                == sampleRequest.messages.dropFirst().map(\.content))
        let config = try #require(body["generationConfig"] as? [String: Any])
        #expect(config["temperature"] as? Double == sampleRequest.temperature)
        #expect(config["topP"] as? Double == sampleRequest.topP)
        #expect(config["maxOutputTokens"] as? Int == sampleRequest.maxTokens)
        #expect((config["seed"] as? NSNumber)?.uint64Value == sampleRequest.seed)
        #expect(config["stopSequences"] as? [String] == sampleRequest.stop)
        #expect(response.reportedModel == "gemini-test-001")
    }

    @Test func googleKeyIsTheFallbackAndModelsPrefixIsDropped() throws {
        let model = try GeminiModel(model: "models/gemini-x",
                                    environment: ["GOOGLE_API_KEY": "google-key", "GEMINI_BASE_URL": "http://127.0.0.1:9"])
        let request = try model.makeHTTPRequest(sampleRequest)
        #expect(request.headers["x-goog-api-key"] == "google-key")
        #expect(request.url.absoluteString == "http://127.0.0.1:9/v1beta/models/gemini-x:generateContent")
    }

    @Test func largeSeedIsFoldedIntoInt32() throws {
        let model = GeminiModel(model: "g", apiKey: try #require(APIKey(fakeKey)), baseURL: URL(string: "http://127.0.0.1:1")!)
        let body = try JSONSerialization.jsonObject(
            with: model.makeHTTPRequest(ChatRequest(messages: [], seed: 0x1_8000_0005)).body) as? [String: Any]
        let config = body?["generationConfig"] as? [String: Any]
        #expect((config?["seed"] as? NSNumber)?.int64Value == 5)
    }

    private func parse(_ json: String) throws -> ChatResponse {
        let model = GeminiModel(model: "g", apiKey: try #require(APIKey(fakeKey)), baseURL: URL(string: "http://127.0.0.1:1")!)
        return try model.parse(HTTPResponse(status: 200, body: Data(json.utf8)))
    }

    @Test func finishReasonsAreNormalised() throws {
        let cut = try parse(#"{"candidates":[{"content":{"parts":[{"text":"par"}]},"finishReason":"MAX_TOKENS"}]}"#)
        #expect(cut.finishReason == "length")
        #expect(cut.text == "par")
        let unsafe = try parse(#"{"candidates":[{"finishReason":"SAFETY"}]}"#)
        #expect(unsafe.finishReason == "content_filter")
        #expect(unsafe.text == "")
        let thinkingOnly = try parse(#"{"candidates":[{"content":{"role":"model"},"finishReason":"MAX_TOKENS"}]}"#)
        #expect(thinkingOnly.finishReason == "length")
    }

    @Test func blockedPromptIsAFilteredAnswer() throws {
        let response = try parse(#"{"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":8}}"#)
        #expect(response.finishReason == "content_filter")
        #expect(response.promptTokens == 8)
    }

    @Test func thoughtPartsAreSkipped() throws {
        let response = try parse(#"{"candidates":[{"content":{"parts":[{"text":"thinking...","thought":true},{"text":"A"},{"text":"B"}]},"finishReason":"STOP"}]}"#)
        #expect(response.text == "AB")
    }
}
