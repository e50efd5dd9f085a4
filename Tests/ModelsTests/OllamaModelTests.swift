import Foundation
import Testing
@testable import Models

@Suite struct OllamaModelTests {
    @Test func nativeChatRequestWithOptions() async throws {
        let server = try TestHTTPServer([.respond(status: 200, body: BackendFixture.ollama.successBody)])
        defer { server.stop() }
        let model = try BackendFixture.ollama.make(server.baseURL, fastOptions())
        let response = try await model.complete(sampleRequest)
        let recorded = try #require(server.requests.first)
        #expect(recorded.path == "/api/chat")
        #expect(recorded.header("authorization") == nil)
        let body = try recorded.json()
        #expect(body["model"] as? String == "llama-test")
        #expect(body["stream"] as? Bool == false)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == sampleRequest.messages.map { ["role": $0.role, "content": $0.content] })
        let options = try #require(body["options"] as? [String: Any])
        #expect(options["temperature"] as? Double == sampleRequest.temperature)
        #expect(options["top_p"] as? Double == sampleRequest.topP)
        #expect(options["num_predict"] as? Int == sampleRequest.maxTokens)
        #expect((options["seed"] as? NSNumber)?.uint64Value == sampleRequest.seed)
        #expect(options["stop"] as? [String] == sampleRequest.stop)
        #expect(response.reportedModel == "llama-test")
    }

    @Test(arguments: [
        ("127.0.0.1", "http://127.0.0.1:11434"),
        ("gpu-box:8080", "http://gpu-box:8080"),
        ("https://ollama.example:443", "https://ollama.example:443"),
        ("[::1]", "http://[::1]:11434"),
        ("[::1]:9000", "http://[::1]:9000"),
    ])
    func hostVariableForms(_ host: String, _ expected: String) throws {
        #expect(OllamaModel.normaliseHost(host) == expected)
        let model = try OllamaModel(model: "m", environment: ["OLLAMA_HOST": host])
        #expect(model.baseURL.absoluteString == expected)
    }

    @Test func defaultHost() throws {
        let model = try OllamaModel(model: "m", environment: [:])
        #expect(model.baseURL.absoluteString == OllamaModel.defaultHost)
    }

    @Test func doneReasonLengthAndCounts() throws {
        let model = OllamaModel(model: "m", baseURL: URL(string: "http://127.0.0.1:1")!)
        let response = try model.parse(HTTPResponse(status: 200, body: Data(
            #"{"message":{"role":"assistant","content":"abc"},"done":true,"done_reason":"length","prompt_eval_count":5,"eval_count":2}"#.utf8)))
        #expect(response.finishReason == "length")
        #expect(response.text == "abc")
        #expect(response.promptTokens == 5)
        #expect(response.completionTokens == 2)
    }
}
