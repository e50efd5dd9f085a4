import Foundation
import Synchronization
import Testing
@testable import Models

@Suite struct TransportBehaviourTests {
    @Test func cancellingTheCallerStopsAHangingRequestAtOnce() async throws {
        let server = try TestHTTPServer([.hang])
        defer { server.stop() }
        let model = try BackendFixture.openAI.make(server.baseURL, fastOptions(attempts: 3, timeout: 10))
        let start = ContinuousClock.now
        let task = Task { try await model.complete(sampleRequest) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(seconds(start, .now) < 2)
        #expect(server.requests.count == 1)
    }

    @Test func concurrentRequestsEachGetTheirAnswer() async throws {
        let n = 8
        let bodies = (0..<n).map { i in
            #"{"model":"m","message":{"role":"assistant","content":"answer"},"done":true,"done_reason":"stop","eval_count":\#(i)}"#
        }
        let server = try TestHTTPServer(bodies.map { .respond(status: 200, body: $0) })
        defer { server.stop() }
        let model = try BackendFixture.ollama.make(server.baseURL, fastOptions())
        let counts = try await withThrowingTaskGroup(of: Int?.self) { group in
            for _ in 0..<n { group.addTask { try await model.complete(sampleRequest).completionTokens } }
            var all: [Int?] = []
            for try await c in group { all.append(c) }
            return all
        }
        #expect(Set(counts.compactMap { $0 }) == Set(0..<n))
        #expect(server.requests.count == n)
    }

    @Test func permanentTransportFailuresAreNotRetried() async throws {
        struct CountingClient: HTTPClient {
            let calls = Counter()
            func send(_ request: HTTPRequest, timeout: Double) async throws -> HTTPResponse {
                calls.increment()
                throw HTTPClientFailure.permanent("unsupported URL")
            }
        }
        let client = CountingClient()
        let transport = HTTPTransport(label: "x:y", options: fastOptions(), client: client)
        let error = await #expect(throws: BackendError.self) {
            try await transport.send(HTTPRequest(url: URL(string: "http://127.0.0.1:9")!))
        }
        #expect(error == .transport(backend: "x:y", reason: "unsupported URL"))
        #expect(client.calls.value == 1)
    }

    @Test func attemptsAreCountedAndBackoffGrows() async throws {
        // Five 500s with base 40 ms and no cap worth mentioning: the waits are uniform below 40, 80, 160, 320 ms,
        // so the whole run must end within their sum plus slack, and exactly five attempts are made.
        let server = try TestHTTPServer(Array(repeating: .respond(status: 500, body: "{}"), count: 5))
        defer { server.stop() }
        let options = BackendOptions(requestTimeout: 5,
                                     retry: RetryPolicy(maxAttempts: 5, baseDelay: 0.04, maxDelay: 10, jitterSeed: 5))
        let model = try BackendFixture.gemini.make(server.baseURL, options)
        let start = ContinuousClock.now
        let error = await #expect(throws: BackendError.self) { try await model.complete(sampleRequest) }
        guard case .retriesExhausted(_, 5, .status(500, _))? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(server.requests.count == 5)
        #expect(seconds(start, .now) < 0.6 + 2)
    }
}

/// A thread-safe counter for test doubles.
final class Counter: Sendable {
    private let count = Mutex(0)
    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
