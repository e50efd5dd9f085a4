import Foundation
import Testing
@testable import Models

@Suite struct AnthropicModelTests {
    @Test func systemGoesToTheTopLevelAndTheKeyToItsHeader() async throws {
        let server = try TestHTTPServer([.respond(status: 200, body: BackendFixture.anthropic.successBody)])
        defer { server.stop() }
        let model = try BackendFixture.anthropic.make(server.baseURL, fastOptions())
        let response = try await model.complete(sampleRequest)
        let recorded = try #require(server.requests.first)
        #expect(recorded.path == "/v1/messages")
        #expect(recorded.header("x-api-key") == fakeKey)
        #expect(recorded.header("anthropic-version") == "2023-06-01")
        #expect(recorded.header("authorization") == nil)
        let body = try recorded.json()
        #expect(body["model"] as? String == "claude-test")
        #expect(body["system"] as? String == sampleRequest.messages[0].content)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == sampleRequest.messages.dropFirst().map { ["role": $0.role, "content": $0.content] })
        #expect(body["max_tokens"] as? Int == sampleRequest.maxTokens)
        #expect(body["temperature"] as? Double == sampleRequest.temperature)
        #expect(body["top_p"] as? Double == sampleRequest.topP)
        #expect(body["stop_sequences"] as? [String] == sampleRequest.stop)
        #expect(body["seed"] == nil)
        #expect(response.reportedModel == "claude-test-20250101")
    }

    @Test func severalSystemMessagesAreJoined() throws {
        let model = AnthropicModel(model: "c", apiKey: try #require(APIKey(fakeKey)),
                                   baseURL: URL(string: "http://127.0.0.1:1")!)
        let request = ChatRequest(messages: [.init(role: "system", content: "A."), .init(role: "user", content: "q"),
                                             .init(role: "system", content: "B.")])
        let body = try JSONSerialization.jsonObject(with: model.makeHTTPRequest(request).body) as? [String: Any]
        #expect(body?["system"] as? String == "A.\n\nB.")
        #expect((body?["messages"] as? [Any])?.count == 1)
    }

    private func parse(_ json: String) throws -> ChatResponse {
        let model = AnthropicModel(model: "c", apiKey: try #require(APIKey(fakeKey)),
                                   baseURL: URL(string: "http://127.0.0.1:1")!)
        return try model.parse(HTTPResponse(status: 200, body: Data(json.utf8)))
    }

    @Test func stopReasonsAreNormalised() throws {
        #expect(try parse(#"{"content":[{"type":"text","text":"x"}],"stop_reason":"end_turn"}"#).finishReason == "stop")
        #expect(try parse(#"{"content":[{"type":"text","text":"x"}],"stop_reason":"stop_sequence"}"#).finishReason == "stop")
        let cut = try parse(#"{"content":[],"stop_reason":"max_tokens","usage":{"input_tokens":4,"output_tokens":9}}"#)
        #expect(cut.finishReason == "length")
        #expect(cut.text == "")
        #expect(cut.completionTokens == 9)
        #expect(try parse(#"{"content":[],"stop_reason":"refusal"}"#).finishReason == "content_filter")
    }

    @Test func nonTextBlocksAreSkipped() throws {
        let response = try parse(#"{"content":[{"type":"thinking","thinking":"hmm"},{"type":"text","text":"ok"}],"stop_reason":"end_turn"}"#)
        #expect(response.text == "ok")
    }

    @Test func noTextAtAllIsAnError() {
        let error = #expect(throws: BackendError.self) {
            try parse(#"{"content":[{"type":"tool_use","id":"t"}],"stop_reason":"end_turn"}"#)
        }
        #expect(error?.description.contains("missing a text block in content") == true)
    }
}
