import Foundation
import Testing
@testable import Models

/// The same faults against every backend, each against a real HTTP server on 127.0.0.1.
@Suite struct BackendFaultTests {
    @Test(arguments: BackendFixture.all)
    func normalAnswerIsParsed(_ fixture: BackendFixture) async throws {
        let server = try TestHTTPServer([.respond(status: 200, body: fixture.successBody)])
        defer { server.stop() }
        let model = try fixture.make(server.baseURL, fastOptions())
        let response = try await model.complete(sampleRequest)
        #expect(response.text == fixture.answer)
        #expect(response.finishReason == "stop")
        #expect(response.promptTokens == 21)
        #expect(response.completionTokens == 3)
        #expect(response.latencyMilliseconds > 0)
        let requests = server.requests
        #expect(requests.count == 1)
        #expect(requests.first?.method == "POST")
        #expect(requests.first?.path == fixture.path)
        #expect(requests.first?.header("content-type") == "application/json")
    }

    @Test(arguments: BackendFixture.all)
    func tooManyRequestsHonoursRetryAfter(_ fixture: BackendFixture) async throws {
        let server = try TestHTTPServer([
            .respond(status: 429, headers: ["Retry-After": "1"], body: fixture.errorBody),
            .respond(status: 200, body: fixture.successBody),
        ])
        defer { server.stop() }
        let model = try fixture.make(server.baseURL, fastOptions())
        let response = try await model.complete(sampleRequest)
        #expect(response.text == fixture.answer)
        let requests = server.requests
        try #require(requests.count == 2)
        let gap = seconds(requests[0].receivedAt, requests[1].receivedAt)
        // The backoff alone is at most 0.05 s here, so a gap of about a second is the header's doing.
        #expect(gap >= 0.95, "retried after \(gap) s despite Retry-After: 1")
        #expect(gap < 3)
    }

    @Test(arguments: BackendFixture.all, [500, 502, 503, 504, 529])
    func serverErrorThenSuccess(_ fixture: BackendFixture, status: Int) async throws {
        let server = try TestHTTPServer([
            .respond(status: status, body: #"{"error":{"message":"transient trouble"}}"#),
            .respond(status: 200, body: fixture.successBody),
        ])
        defer { server.stop() }
        let model = try fixture.make(server.baseURL, fastOptions())
        let response = try await model.complete(sampleRequest)
        #expect(response.text == fixture.answer)
        #expect(server.requests.count == 2)
    }

    @Test(arguments: BackendFixture.all, [400, 401, 403, 404, 422])
    func clientErrorFailsAtOnceWithProviderMessage(_ fixture: BackendFixture, status: Int) async throws {
        let server = try TestHTTPServer([
            .respond(status: status, body: fixture.errorBody),
            .respond(status: 200, body: fixture.successBody),
        ])
        defer { server.stop() }
        let model = try fixture.make(server.baseURL, fastOptions())
        let error = await #expect(throws: BackendError.self) { try await model.complete(sampleRequest) }
        #expect(error == .httpStatus(backend: model.spec.description, status: status, message: fixture.errorMessage))
        #expect(error?.description == "\(model.spec): HTTP \(status): \(fixture.errorMessage)")
        #expect(server.requests.count == 1, "a \(status) must not be retried")
    }

    @Test(arguments: BackendFixture.all)
    func malformedJSONIsADecodingError(_ fixture: BackendFixture) async throws {
        let server = try TestHTTPServer([.respond(status: 200, body: #"{"choices": [ {"message": "#)])
        defer { server.stop() }
        let model = try fixture.make(server.baseURL, fastOptions())
        let error = await #expect(throws: BackendError.self) { try await model.complete(sampleRequest) }
        guard case .malformedResponse(let backend, let reason)? = error else {
            Issue.record("expected malformedResponse, got \(String(describing: error))")
            return
        }
        #expect(backend == model.spec.description)
        #expect(reason.contains("not JSON"))
        #expect(error?.description.hasPrefix("\(model.spec): malformed response:") == true)
        #expect(server.requests.count == 1)
    }

    @Test(arguments: BackendFixture.all)
    func missingAnswerFieldIsNamed(_ fixture: BackendFixture) async throws {
        let server = try TestHTTPServer([.respond(status: 200, body: fixture.incompleteBody)])
        defer { server.stop() }
        let model = try fixture.make(server.baseURL, fastOptions())
        let error = await #expect(throws: BackendError.self) { try await model.complete(sampleRequest) }
        guard case .malformedResponse(_, let reason)? = error else {
            Issue.record("expected malformedResponse, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("missing \(fixture.missingField)"), "\(reason)")
    }

    @Test(arguments: BackendFixture.all)
    func wrongTypeIsNamedWithItsPath(_ fixture: BackendFixture) async throws {
        // Valid JSON, but the top level is a list: every backend must say so rather than crash or answer "".
        let server = try TestHTTPServer([.respond(status: 200, body: "[1, 2, 3]")])
        defer { server.stop() }
        let model = try fixture.make(server.baseURL, fastOptions())
        let error = await #expect(throws: BackendError.self) { try await model.complete(sampleRequest) }
        #expect(error?.description.contains("expected an object at the top level") == true,
                "\(String(describing: error))")
    }

    @Test(arguments: BackendFixture.all)
    func connectionClosedMidResponseIsRetried(_ fixture: BackendFixture) async throws {
        let server = try TestHTTPServer([
            .truncated(declaredLength: fixture.successBody.utf8.count, body: String(fixture.successBody.prefix(20))),
            .respond(status: 200, body: fixture.successBody),
        ])
        defer { server.stop() }
        let model = try fixture.make(server.baseURL, fastOptions())
        let response = try await model.complete(sampleRequest)
        #expect(response.text == fixture.answer)
        #expect(server.requests.count == 2)
    }

    @Test(arguments: BackendFixture.all)
    func connectionResetIsRetried(_ fixture: BackendFixture) async throws {
        let server = try TestHTTPServer([.reset, .respond(status: 200, body: fixture.successBody)])
        defer { server.stop() }
        let model = try fixture.make(server.baseURL, fastOptions())
        let response = try await model.complete(sampleRequest)
        #expect(response.text == fixture.answer)
        #expect(server.requests.count == 2)
    }

    @Test(arguments: BackendFixture.all)
    func silentServerTimesOutAfterRetries(_ fixture: BackendFixture) async throws {
        let server = try TestHTTPServer([.hang, .hang])
        defer { server.stop() }
        let model = try fixture.make(server.baseURL, fastOptions(attempts: 2, timeout: 0.5))
        let start = ContinuousClock.now
        let error = await #expect(throws: BackendError.self) { try await model.complete(sampleRequest) }
        let elapsed = seconds(start, .now)
        #expect(error == .retriesExhausted(backend: model.spec.description, attempts: 2,
                                           lastCause: .timedOut(seconds: 0.5)))
        #expect(error?.description == "\(model.spec): gave up after 2 attempts; last: timed out: no complete response within 0.5 s")
        #expect(server.requests.count == 2)
        #expect(elapsed >= 1.0 && elapsed < 4, "took \(elapsed) s")
    }

    @Test(arguments: BackendFixture.all)
    func persistentOverloadGivesUpWithLastCause(_ fixture: BackendFixture) async throws {
        let overloaded = #"{"error":{"message":"Overloaded"}}"#
        let server = try TestHTTPServer([
            .respond(status: 503, body: overloaded), .respond(status: 529, body: overloaded),
            .respond(status: 503, body: overloaded),
        ])
        defer { server.stop() }
        let model = try fixture.make(server.baseURL, fastOptions(attempts: 3))
        let error = await #expect(throws: BackendError.self) { try await model.complete(sampleRequest) }
        #expect(error == .retriesExhausted(backend: model.spec.description, attempts: 3,
                                           lastCause: .status(503, message: "Overloaded")))
        #expect(error?.description == "\(model.spec): gave up after 3 attempts; last: HTTP 503: Overloaded")
        #expect(server.requests.count == 3)
    }
}
