import Foundation
import Testing
@testable import Models

/// Triggers every error path with a recognisable fake key, including servers that echo the key back, and checks
/// that the key (or a long piece of it) appears in no error description, model description or dump.
@Suite struct SecretLeakTests {
    /// Pieces of `fakeKey` that must never show up.
    private static let forbidden = [fakeKey, "LEAKCANARY", "0123456789abcdef"]

    private func assertClean(_ text: String, _ context: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for piece in Self.forbidden {
            #expect(!text.contains(piece), "\(context) leaks the key: \(text)", sourceLocation: sourceLocation)
        }
    }

    /// Runs `body`, requires a `BackendError`, and checks its description and dump.
    private func expectCleanError(_ context: String, sourceLocation: SourceLocation = #_sourceLocation,
                                  _ body: () async throws -> Void) async {
        do {
            try await body()
            Issue.record("\(context): expected an error", sourceLocation: sourceLocation)
        } catch let error as BackendError {
            assertClean(error.description, context, sourceLocation: sourceLocation)
            assertClean(String(reflecting: error), context + " (reflecting)", sourceLocation: sourceLocation)
            var dumped = ""
            dump(error, to: &dumped)
            assertClean(dumped, context + " (dump)", sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix(error.backend), sourceLocation: sourceLocation)
            #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(context): expected a BackendError, got \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: BackendFixture.keyed)
    func serverErrorPathsNeverShowTheKey(_ fixture: BackendFixture) async throws {
        let echo = #"{"error":{"message":"invalid key \#(fakeKey) for this project"}}"#
        let scenarios: [(String, [ServerAction], BackendOptions)] = [
            ("401 echoing the key", [.respond(status: 401, body: echo)], fastOptions()),
            ("plain-text 403 echoing the key", [.respond(status: 403, body: "denied: \(fakeKey)")], fastOptions()),
            ("malformed 200 echoing the key", [.respond(status: 200, body: "oops \(fakeKey) {")], fastOptions()),
            ("incomplete 200 echoing the key", [.respond(status: 200, body: #"{"error":"key \#(fakeKey) is suspended"}"#)],
             fastOptions()),
            ("retries exhausted on 429 echoing the key", [.respond(status: 429, body: echo),
                                                          .respond(status: 503, body: echo)], fastOptions(attempts: 2)),
            ("retries exhausted on a reset", [.reset, .reset], fastOptions(attempts: 2)),
            ("retries exhausted on a timeout", [.hang], fastOptions(attempts: 1, timeout: 0.3)),
        ]
        for (name, script, options) in scenarios {
            let server = try TestHTTPServer(script)
            defer { server.stop() }
            let model = try fixture.make(server.baseURL, options)
            await expectCleanError("\(fixture) \(name)") { _ = try await model.complete(sampleRequest) }
        }
    }

    @Test(arguments: BackendFixture.keyed)
    func connectionRefusedNeverShowsTheKey(_ fixture: BackendFixture) async throws {
        // A port that was just free: bind-and-release gives one nobody listens on.
        let server = try TestHTTPServer([])
        let url = server.baseURL
        server.stop()
        try await Task.sleep(for: .milliseconds(150))
        let model = try fixture.make(url, fastOptions(attempts: 2))
        await expectCleanError("\(fixture) refused") { _ = try await model.complete(sampleRequest) }
    }

    @Test func configurationAndRequestPathsNeverShowTheKey() async throws {
        await expectCleanError("missing key") {
            _ = try ModelFactory.make(.anthropic(model: "c"), environment: ["OPENAI_API_KEY": fakeKey])
        }
        await expectCleanError("bad base URL containing the key") {
            _ = try ModelFactory.make(.anthropic(model: "c"),
                                      environment: ["ANTHROPIC_API_KEY": fakeKey, "ANTHROPIC_BASE_URL": "nope\(fakeKey)"])
        }
        await expectCleanError("bad compatible URL with the key") {
            _ = try OpenAICompatibleModel.compatible(baseURL: "mailto:\(fakeKey)", model: "m",
                                                     environment: ["OPENAI_API_KEY": fakeKey])
        }
        let model = try ModelFactory.make(.gemini(model: "g"),
                                          environment: ["GEMINI_API_KEY": fakeKey, "GEMINI_BASE_URL": "http://127.0.0.1:9"])
        await expectCleanError("non-finite temperature") {
            _ = try await model.complete(ChatRequest(messages: [], temperature: .infinity))
        }
    }

    @Test func clientFailuresNeverShowTheKey() async throws {
        struct LeakyClient: HTTPClient {
            var failure: any Error
            func send(_ request: HTTPRequest, timeout: Double) async throws -> HTTPResponse { throw failure }
        }
        let failures: [any Error] = [
            HTTPClientFailure.permanent("TLS failure for \(fakeKey)"),
            HTTPClientFailure.connection("reset while sending \(fakeKey)"),
            TestServerError("odd error with \(fakeKey)"),
        ]
        for failure in failures {
            let model = AnthropicModel(model: "c", apiKey: try #require(APIKey(fakeKey)),
                                       baseURL: URL(string: "http://127.0.0.1:9")!, options: fastOptions(attempts: 2),
                                       client: LeakyClient(failure: failure))
            await expectCleanError("client failure \(type(of: failure))") { _ = try await model.complete(sampleRequest) }
        }
    }

    @Test(arguments: BackendFixture.all)
    func modelsAndRequestsPrintWithoutTheKey(_ fixture: BackendFixture) throws {
        let model = try fixture.make("http://127.0.0.1:9", fastOptions())
        assertClean(String(describing: model), "description")
        assertClean(String(reflecting: model), "debug description")
        var dumped = ""
        dump(model, to: &dumped)
        assertClean(dumped, "dump")
        let key = try #require(APIKey(fakeKey))
        assertClean("\(key) \(String(reflecting: key))", "APIKey")
        let request = HTTPRequest(url: URL(string: "http://127.0.0.1:9")!, headers: ["x-api-key": fakeKey])
        var dumpedRequest = ""
        dump(request, to: &dumpedRequest)
        assertClean("\(request) \(String(reflecting: request)) \(dumpedRequest)", "HTTPRequest")
    }
}
