import Foundation
import Inference
import Models
import Serving
import Testing

/// The same seeded request gives the same tokens whether it runs alone or among 15 other concurrent requests.
@Suite("batch invariance through the server", .serialized)
struct BatchInvarianceThroughServerTests {
    private static func body(_ content: String, seed: Int, maxTokens: Int) -> String {
        let escaped = content.replacingOccurrences(of: "\"", with: "\\\"")
        return #"{"model":"smollm2","messages":[{"role":"user","content":"\#(escaped)"}],"temperature":0.8,"seed":\#(seed),"max_tokens":\#(maxTokens),"logprobs":true}"#
    }

    /// The text and token bytes of a chat completion.
    private static func answer(_ response: HTTPResponse) -> (String, [[Int]])? {
        guard response.status == 200, let o = TestHTTP.object(response),
              let choice = (o["choices"] as? [[String: Any]])?.first,
              let text = (choice["message"] as? [String: Any])?["content"] as? String,
              let content = (choice["logprobs"] as? [String: Any])?["content"] as? [[String: Any]]
        else { return nil }
        return (text, content.compactMap { $0["bytes"] as? [Int] })
    }

    @Test("alone vs among 15 others: identical text and tokens")
    func aloneAndCrowded() async throws {
        let s = try await RealServer.shared.value
        let url = s.open.baseURL.appendingPathComponent("chat/completions")
        let probe = Self.body("Write one sentence about honesty.", seed: 1234, maxTokens: 16)
        let alone = try #require(Self.answer(try await TestHTTP.send("POST", url, json: probe)))
        let others = (0 ..< 15).map { i in Self.body("Describe item number \(i) in a shop window.", seed: 100 + i, maxTokens: 8 + i % 5) }
        let crowded = try await withThrowingTaskGroup(of: (Int, HTTPResponse).self) { group in
            for (i, body) in ([probe] + others).enumerated() {
                group.addTask { (i, try await TestHTTP.send("POST", url, json: body)) }
            }
            var responses: [Int: HTTPResponse] = [:]
            for try await (i, r) in group { responses[i] = r }
            return responses
        }
        #expect(crowded.values.allSatisfy { $0.status == 200 })
        let together = try #require(crowded[0].flatMap(Self.answer))
        #expect(together.0 == alone.0)
        #expect(together.1 == alone.1)
        #expect(!alone.1.isEmpty)
    }
}
