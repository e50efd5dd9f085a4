import Foundation
import Testing
@testable import Models

@Suite struct OpenAICompatibleModelTests {
    private func send(_ request: ChatRequest, environment: [String: String], compatible: Bool) async throws
        -> (ChatResponse, RecordedRequest) {
        let server = try TestHTTPServer([.respond(status: 200, body: BackendFixture.openAI.successBody)])
        defer { server.stop() }
        var env = environment
        let model: OpenAICompatibleModel
        if compatible {
            model = try .compatible(baseURL: server.baseURL + "/v1", model: "local-model", environment: env,
                                    options: fastOptions())
        } else {
            env["OPENAI_BASE_URL"] = server.baseURL + "/v1"
            model = try .openAI(model: "gpt-test", environment: env, options: fastOptions())
        }
        let response = try await model.complete(request)
        let recorded = try #require(server.requests.first)
        return (response, recorded)
    }

    @Test func requestCarriesEveryParameterAndTheBearerKey() async throws {
        let (response, recorded) = try await send(sampleRequest, environment: ["OPENAI_API_KEY": fakeKey],
                                                  compatible: false)
        #expect(recorded.path == "/v1/chat/completions")
        #expect(recorded.header("authorization") == "Bearer \(fakeKey)")
        let body = try recorded.json()
        #expect(body["model"] as? String == "gpt-test")
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == sampleRequest.messages.map { ["role": $0.role, "content": $0.content] })
        #expect(body["temperature"] as? Double == sampleRequest.temperature)
        #expect(body["top_p"] as? Double == sampleRequest.topP)
        #expect(body["max_tokens"] as? Int == sampleRequest.maxTokens)
        #expect((body["seed"] as? NSNumber)?.uint64Value == sampleRequest.seed)
        #expect(body["stop"] as? [String] == sampleRequest.stop)
        #expect(response.reportedModel == "gpt-test-0001")
    }

    @Test func unsetParametersAreLeftOut() async throws {
        let request = ChatRequest(messages: [.init(role: "user", content: "Hi")], maxTokens: 5)
        let (_, recorded) = try await send(request, environment: ["OPENAI_API_KEY": fakeKey], compatible: false)
        let body = try recorded.json()
        for key in ["temperature", "top_p", "seed", "stop", "logprobs", "top_logprobs"] {
            #expect(body[key] == nil, "\(key) should be absent")
        }
        #expect(body["max_tokens"] as? Int == 5)
    }

    @Test func compatibleServerWithoutKeySendsNoAuthorization() async throws {
        let (response, recorded) = try await send(sampleRequest, environment: [:], compatible: true)
        #expect(recorded.header("authorization") == nil)
        #expect(recorded.path == "/v1/chat/completions")
        #expect(response.text == BackendFixture.openAI.answer)
    }

    @Test func compatibleKeyIsPreferredOverTheOpenAIKey() async throws {
        let env = ["OPENAI_COMPATIBLE_API_KEY": "compat-key-1", "OPENAI_API_KEY": "openai-key-2"]
        let (_, recorded) = try await send(sampleRequest, environment: env, compatible: true)
        #expect(recorded.header("authorization") == "Bearer compat-key-1")
        let (_, fallback) = try await send(sampleRequest, environment: ["OPENAI_API_KEY": "openai-key-2"],
                                           compatible: true)
        #expect(fallback.header("authorization") == "Bearer openai-key-2")
    }

    @Test func seedIsFoldedIntoTheSignedRange() throws {
        let model = OpenAICompatibleModel(model: "m", baseURL: URL(string: "http://127.0.0.1:1/v1")!, apiKey: nil)
        let request = ChatRequest(messages: [], seed: UInt64.max)
        let body = try JSONSerialization.jsonObject(with: model.makeHTTPRequest(request).body) as? [String: Any]
        #expect((body?["seed"] as? NSNumber)?.int64Value == Int64.max)
    }

    @Test func firstTokenLogprobsAreAskedForAndRead() throws {
        let model = OpenAICompatibleModel(model: "m", baseURL: URL(string: "http://127.0.0.1:1/v1")!, apiKey: nil)
        let request = ChatRequest(messages: [.init(role: "user", content: "A or B?")], maxTokens: 4, topLogprobs: 20)
        let body = try JSONSerialization.jsonObject(with: model.makeHTTPRequest(request).body) as? [String: Any]
        #expect(body?["logprobs"] as? Bool == true && body?["top_logprobs"] as? Int == 20)
        let reply = try parse(#"""
            {"choices":[{"message":{"content":"B"},"finish_reason":"stop","logprobs":{"content":[
              {"token":"B","logprob":-0.3,"top_logprobs":[{"token":"B","logprob":-0.3},{"token":"A","logprob":-1.5},
               {"token":" A","logprob":-4.0}]},
              {"token":".","logprob":-0.1,"top_logprobs":[]}]}}]}
            """#)
        #expect(reply.firstTokenLogprobs == [TokenLogprob(token: "B", logprob: -0.3), TokenLogprob(token: "A", logprob: -1.5),
                                             TokenLogprob(token: " A", logprob: -4.0)])
        // A server that gives the chosen token only, or no log-probabilities at all.
        let chosen = try parse(#"{"choices":[{"message":{"content":"A"},"logprobs":{"content":[{"token":"A","logprob":-0.2}]}}]}"#)
        #expect(chosen.firstTokenLogprobs == [TokenLogprob(token: "A", logprob: -0.2)])
        #expect(try parse(#"{"choices":[{"message":{"content":"A"},"finish_reason":"stop"}]}"#).firstTokenLogprobs == nil)
    }

    private func parse(_ json: String) throws -> ChatResponse {
        let model = OpenAICompatibleModel(model: "m", baseURL: URL(string: "http://127.0.0.1:1/v1")!, apiKey: nil)
        return try model.parse(HTTPResponse(status: 200, body: Data(json.utf8), latencyMilliseconds: 5))
    }

    @Test func finishReasonsAreNormalised() throws {
        let length = try parse(#"{"choices":[{"message":{"content":"cut"},"finish_reason":"length"}]}"#)
        #expect(length.finishReason == "length")
        #expect(length.text == "cut")
        let filtered = try parse(#"{"choices":[{"message":{"content":null},"finish_reason":"content_filter"}]}"#)
        #expect(filtered.finishReason == "content_filter")
        #expect(filtered.text == "")
        #expect(filtered.latencyMilliseconds == 5)
    }

    @Test func refusalIsReturnedAsFilteredText() throws {
        let response = try parse(#"{"choices":[{"message":{"content":null,"refusal":"I can't help."},"finish_reason":"stop"}]}"#)
        #expect(response.text == "I can't help.")
        #expect(response.finishReason == "content_filter")
    }

    @Test func contentPartsAreJoined() throws {
        let response = try parse(#"{"choices":[{"message":{"content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]},"finish_reason":"stop"}]}"#)
        #expect(response.text == "ab")
    }

    @Test func nullContentWithStopIsAnError() {
        #expect(throws: BackendError.self) {
            try parse(#"{"choices":[{"message":{"content":null},"finish_reason":"stop"}]}"#)
        }
    }

    @Test func errorInsideASuccessfulStatusIsReported() {
        let error = #expect(throws: BackendError.self) {
            try parse(#"{"error":{"message":"model is loading"}}"#)
        }
        #expect(error?.description.contains("model is loading") == true)
    }

    @Test func nonFiniteTemperatureIsAnInvalidRequest() async throws {
        let model = OpenAICompatibleModel(model: "m", baseURL: URL(string: "http://127.0.0.1:1/v1")!, apiKey: nil)
        let request = ChatRequest(messages: [], temperature: .nan)
        let error = await #expect(throws: BackendError.self) { try await model.complete(request) }
        guard case .invalidRequest(_, let reason)? = error else {
            Issue.record("expected invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("temperature"))
    }
}
