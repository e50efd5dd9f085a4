import Foundation
import Inference
import Models
import Serving
import Testing

/// The HTTP layer's control of work, with a scripted engine: the bounded queue (429), a client that goes away
/// (its sequence is cancelled at once and its slot freed) and graceful shutdown (in-flight requests finish).
@Suite("admission, cancellation and shutdown", .serialized)
struct AdmissionAndCancellationTests {
    private func start(parallelism: Int, queue: Int) async throws -> (RunningServer, ScriptedGenerationService) {
        let service = ScriptedGenerationService(model: try TestModel.load(), parallelism: parallelism)
        let configuration = ServerConfiguration(modelID: "smollm2", contextSize: 512, queue: queue)
        return (try await RunningServer.start(configuration: configuration, generation: service), service)
    }

    private static func chat(maxTokens: Int, stream: Bool = false, n: Int = 1) -> String {
        #"{"model":"smollm2","messages":[{"role":"user","content":"hi"}],"max_tokens":\#(maxTokens),"stream":\#(stream),"n":\#(n)}"#
    }

    /// Polls `condition` for up to `seconds`.
    private func eventually(_ seconds: Double = 5, _ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test("beyond slots + queue a request gets 429 with Retry-After; once the slot is free it is served")
    func queueFull() async throws {
        let (server, service) = try await start(parallelism: 1, queue: 1)
        defer { Task { try? await server.stop() } }
        // Two long streams fill the one slot and the one queue place.
        let first = try RawConnection(port: server.port), second = try RawConnection(port: server.port)
        try first.post("/v1/chat/completions", json: Self.chat(maxTokens: 1000, stream: true))
        try second.post("/v1/chat/completions", json: Self.chat(maxTokens: 1000, stream: true))
        _ = await first.read(until: "data:")
        _ = await second.read(until: "data:")
        #expect(server.server.admittedSequences == 2)

        let refused = try await TestHTTP.send("POST", server.baseURL.appendingPathComponent("chat/completions"), json: Self.chat(maxTokens: 2))
        #expect(refused.status == 429)
        #expect(Int(refused.header("Retry-After") ?? "") ?? 0 >= 1)
        let error = try #require(TestHTTP.error(refused))
        #expect(error["type"] as? String == "rate_limit_error")
        #expect(error["code"] as? String == "rate_limit_exceeded")
        // n larger than the whole capacity is a bad parameter, not a busy server.
        let tooMany = try await TestHTTP.send("POST", server.baseURL.appendingPathComponent("chat/completions"), json: Self.chat(maxTokens: 2, n: 3))
        #expect(tooMany.status == 400)
        #expect(TestHTTP.error(tooMany)?["param"] as? String == "n")

        first.close()
        second.close()
        #expect(try await eventually { server.server.admittedSequences == 0 && service.counts.running == 0 })
        let served = try await TestHTTP.send("POST", server.baseURL.appendingPathComponent("chat/completions"), json: Self.chat(maxTokens: 3))
        #expect(served.status == 200)
        let choices = TestHTTP.object(served)?["choices"] as? [[String: Any]]
        #expect((choices?.first?["message"] as? [String: Any])?["content"] as? String == "xxx")
    }

    @Test("a streaming client that disconnects cancels its sequence within a token or two")
    func streamDisconnect() async throws {
        let (server, service) = try await start(parallelism: 4, queue: 0)
        defer { Task { try? await server.stop() } }
        let connection = try RawConnection(port: server.port)
        try connection.post("/v1/chat/completions", json: Self.chat(maxTokens: 1000, stream: true, n: 2))
        let head = await connection.read(until: "\"content\":\"x\"")
        #expect(head.hasPrefix("HTTP/1.1 200"))
        #expect(head.lowercased().contains("content-type: text/event-stream"))
        #expect(service.counts.running == 2)
        let closedAt = ContinuousClock.now
        connection.close()
        #expect(try await eventually(2) { service.counts.cancelled == 2 && service.counts.running == 0 })
        #expect(closedAt.duration(to: .now) < .seconds(1))
        #expect(try await eventually { server.server.admittedSequences == 0 })
        #expect(service.counts.finished == 0)
    }

    @Test("a non-streaming client that disconnects while waiting cancels its sequence")
    func blockingDisconnect() async throws {
        let (server, service) = try await start(parallelism: 4, queue: 0)
        defer { Task { try? await server.stop() } }
        let connection = try RawConnection(port: server.port)
        try connection.post("/v1/chat/completions", json: Self.chat(maxTokens: 1000))
        #expect(try await eventually { service.counts.running == 1 })
        try await Task.sleep(for: .milliseconds(100))
        connection.close()
        #expect(try await eventually(2) { service.counts.cancelled == 1 && service.counts.running == 0 })
        #expect(try await eventually { server.server.admittedSequences == 0 })
    }

    @Test("graceful shutdown finishes the requests in flight, then refuses connections")
    func drain() async throws {
        let (server, service) = try await start(parallelism: 4, queue: 4)
        let url = server.baseURL.appendingPathComponent("chat/completions")
        async let inFlight = TestHTTP.send("POST", url, json: Self.chat(maxTokens: 25))
        let stream = try RawConnection(port: server.port)
        try stream.post("/v1/chat/completions", json: Self.chat(maxTokens: 25, stream: true))
        #expect(try await eventually { service.counts.running == 2 })
        let stopping = Task { try await server.stop() }
        let streamed = await stream.read(until: "[DONE]")
        let response = try await inFlight
        try await stopping.value
        #expect(response.status == 200)
        let choices = TestHTTP.object(response)?["choices"] as? [[String: Any]]
        #expect((choices?.first?["message"] as? [String: Any])?["content"] as? String == String(repeating: "x", count: 25))
        #expect(streamed.contains("\"finish_reason\":\"length\""))
        #expect(streamed.hasSuffix("data: [DONE]\n\n") || streamed.contains("data: [DONE]\n\n"))
        #expect(service.counts.finished == 2 && service.counts.cancelled == 0)
        #expect(throws: (any Error).self) { try RawConnection(port: server.port) }
    }
}
