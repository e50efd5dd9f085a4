import Foundation
import Inference
import Models
import Serving
import Testing

/// ValueProbe's own OpenAI-compatible backend (what `--model openai-compatible:URL#MODEL` runs) against `serve`.
@Suite("ValueProbe's OpenAI-compatible backend against serve", .serialized)
struct OwnBackendTests {
    @Test("ChatModel.complete through the server equals the embedded engine, with and without a key")
    func backendMatchesEngine() async throws {
        let s = try await RealServer.shared.value
        let questions = ["What is human dignity? Answer briefly.", "Name one value people share."]
        let open = OpenAICompatibleModel(model: "smollm2", baseURL: s.open.baseURL, apiKey: nil)
        let locked = OpenAICompatibleModel(model: "smollm2", baseURL: s.locked.baseURL, apiKey: APIKey(s.key))
        for q in questions {
            let reference = try Reference.chat(s.model, q, parameters: .greedy, maxTokens: 20)
            let request = ChatRequest(messages: [.init(role: "user", content: q)], temperature: 0, maxTokens: 20)
            let viaOpen = try await open.complete(request)
            let viaLocked = try await locked.complete(request)
            #expect(viaOpen.text == reference.text)
            #expect(viaLocked.text == reference.text)
            #expect(viaOpen.completionTokens == reference.tokens.count)
            #expect(viaOpen.reportedModel == "smollm2")
            #expect(viaOpen.finishReason == (reference.finishReason == .length ? "length" : "stop"))
        }
        // A seeded, sampled request: the backend passes the seed through and gets the engine's sample.
        let sampled = ChatRequest(messages: [.init(role: "user", content: questions[0])], temperature: 0.7, maxTokens: 12, seed: 42)
        let reference = try Reference.chat(s.model, questions[0], parameters: Reference.sampling(temperature: 0.7, seed: 42), maxTokens: 12)
        #expect(try await open.complete(sampled).text == reference.text)
    }

    @Test("the backend reports a wrong key as a final error, not a retry loop")
    func wrongKey() async throws {
        let s = try await RealServer.shared.value
        let wrong = OpenAICompatibleModel(model: "smollm2", baseURL: s.locked.baseURL, apiKey: APIKey("not-the-key"))
        await #expect(throws: (any Error).self) {
            _ = try await wrong.complete(ChatRequest(messages: [.init(role: "user", content: "hi")], maxTokens: 2))
        }
    }
}
