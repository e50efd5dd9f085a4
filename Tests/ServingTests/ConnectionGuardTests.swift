import Foundation
import Inference
import Serving
import Testing

/// What happens below the endpoints, over raw sockets: slow and idle connections are closed after the
/// configured timeouts (408 in OpenAI's shape when a request was under way), requests the HTTP decoder refuses get
/// a 400 or 431 in OpenAI's shape, and none of it cuts a response that is being generated.
@Suite("connection timeouts and transport errors", .serialized)
struct ConnectionGuardTests {
    /// A server with one-second header, body and idle timeouts.
    private func start(interval: Duration = .milliseconds(20)) async throws -> RunningServer {
        let service = ScriptedGenerationService(model: try TestModel.load(), parallelism: 4, interval: interval)
        var configuration = ServerConfiguration(modelID: "smollm2", contextSize: 512, queue: 4)
        configuration.headerTimeout = .seconds(1)
        configuration.bodyTimeout = .seconds(1)
        configuration.idleTimeout = .seconds(1)
        return try await RunningServer.start(configuration: configuration, generation: service)
    }

    /// The status code and the `error` object of a raw HTTP response.
    private func parse(_ response: String) -> (status: Int?, error: [String: Any]?) {
        let statusLine = response.split(separator: "\r\n", maxSplits: 1).first ?? ""
        let status = statusLine.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        guard let split = response.range(of: "\r\n\r\n") else { return (status, nil) }
        let body = Data(response[split.upperBound...].utf8)
        let error = (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["error"] as? [String: Any]
        return (status, error)
    }

    /// Sends `text` one byte every 100 ms until it is all sent or the server closes; whether it was all sent.
    private func trickle(_ text: String, on connection: RawConnection) async throws -> Bool {
        for byte in text.utf8 {
            guard connection.send(bytes: [byte]) else { return false }
            try await Task.sleep(for: .milliseconds(100))
        }
        return true
    }

    @Test("headers sent byte by byte get 408 in OpenAI's shape, and the connection is closed while they still come")
    func slowHeaders() async throws {
        let server = try await start()
        defer { Task { try? await server.stop() } }
        let connection = try RawConnection(port: server.port)
        defer { connection.close() }
        // 150 bytes at 10 a second would take 15 s; the header timeout is 1 s.
        let head = "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String(repeating: "X-Slow: 1\r\n", count: 9) + "\r\n"
        async let reply = connection.readToEnd()
        let sentAll = try await trickle(head, on: connection)
        let (text, closed) = await reply
        #expect(!sentAll, "the server kept the connection open for the whole trickle")
        #expect(closed)
        let (status, error) = parse(text)
        #expect(status == 408)
        #expect(error?["code"] as? String == "request_timeout")
        #expect(error?["type"] as? String == "invalid_request_error")
        #expect((error?["message"] as? String)?.contains("headers did not arrive within 1 s") == true)
        #expect(text.lowercased().contains("connection: close"))
    }

    @Test("a body sent byte by byte gets 408 once the body timeout has passed")
    func slowBody() async throws {
        let server = try await start()
        defer { Task { try? await server.stop() } }
        let connection = try RawConnection(port: server.port)
        defer { connection.close() }
        let body = #"{"messages":[{"role":"user","content":"hi"}],"max_tokens":2,"padding":"\#(String(repeating: "p", count: 100))"}"#
        #expect(connection.send("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"))
        async let reply = connection.readToEnd()
        let sentAll = try await trickle(body, on: connection)
        let (text, closed) = await reply
        #expect(!sentAll, "the server kept the connection open for the whole trickle")
        #expect(closed)
        let (status, error) = parse(text)
        #expect(status == 408)
        #expect((error?["message"] as? String)?.contains("body did not arrive within 1 s") == true)
        // The endpoint never ran the request: its log line is the 499 of a connection gone, not a 200.
        var lines: [String] = []
        for _ in 0 ..< 50 where !lines.contains(where: { $0.contains("/v1/chat/completions") }) {
            try await Task.sleep(for: .milliseconds(100))
            lines = server.logLines
        }
        #expect(lines.contains { $0.contains("POST /v1/chat/completions 499") }, "\(lines)")
        #expect(!lines.contains { $0.contains("POST /v1/chat/completions 200") })
    }

    @Test("idle connections are closed: kept alive after a response, and never used; many of them do not pile up")
    func idleConnections() async throws {
        let server = try await start()
        defer { Task { try? await server.stop() } }
        let used = try RawConnection(port: server.port)
        defer { used.close() }
        #expect(used.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
        let health = await used.read(until: "}")
        #expect(parse(health).status == 200)
        let unused = try (0 ..< 40).map { _ in try RawConnection(port: server.port) }
        defer { for c in unused { c.close() } }
        // Each is closed by the server (end of stream), long before the client's own 30 s wait runs out.
        let (rest, closed) = await used.readToEnd()
        #expect(closed && rest.isEmpty)
        for connection in unused {
            let (text, closed) = await connection.readToEnd()
            #expect(closed && text.isEmpty)
        }
        let after = try await TestHTTP.send("GET", server.root.appendingPathComponent("health"))
        #expect(after.status == 200)
    }

    @Test("a response generated for longer than every timeout is not cut")
    func longGenerationSurvives() async throws {
        // 30 tokens, one every 100 ms: 3 s of streaming and 3 s of a plain request, against 1 s timeouts.
        let server = try await start(interval: .milliseconds(100))
        defer { Task { try? await server.stop() } }
        let stream = try RawConnection(port: server.port)
        defer { stream.close() }
        try stream.post("/v1/chat/completions", json: #"{"messages":[{"role":"user","content":"hi"}],"max_tokens":30,"stream":true}"#)
        let streamed = await stream.read(until: "data: [DONE]")
        #expect(streamed.contains("data: [DONE]"))
        #expect(streamed.components(separatedBy: #""content":"x""#).count - 1 == 30)
        let plain = try await TestHTTP.send("POST", server.baseURL.appendingPathComponent("chat/completions"),
                                            json: #"{"messages":[{"role":"user","content":"hi"}],"max_tokens":30}"#)
        #expect(plain.status == 200)
        let choices = TestHTTP.object(plain)?["choices"] as? [[String: Any]]
        #expect((choices?.first?["message"] as? [String: Any])?["content"] as? String == String(repeating: "x", count: 30))
    }

    @Test("the timeout flags are checked: positive, finite, at most a day; the defaults are 30, 60 and 60 s")
    func timeoutOptions() throws {
        let defaults = ServeOptions()
        #expect(defaults.headerTimeout == 30 && defaults.bodyTimeout == 60 && defaults.idleTimeout == 60)
        #expect(throws: Never.self) { try defaults.validate() }
        for (keyPath, flag) in [(\ServeOptions.headerTimeout, "--header-timeout"), (\.bodyTimeout, "--body-timeout"), (\.idleTimeout, "--idle-timeout")] {
            for bad in [0, -1, Double.nan, .infinity, 86_401] {
                var options = ServeOptions()
                options[keyPath: keyPath] = bad
                #expect { try options.validate() } throws: { ($0 as? ServeOptions.Problem)?.description.hasPrefix(flag) == true }
            }
        }
    }

    @Test("requests the HTTP decoder refuses get 400 or 431 in OpenAI's shape with a message", arguments: [
        ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n{}", 400, "Content-Length"),
        ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400, "Content-Length"),
        ("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: \(String(repeating: "a", count: 200 * 1024))\r\n\r\n", 431, "headers are too large"),
        ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400, "malformed request body"),
        ("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"me\r\n-1\r\nx\r\n0\r\n\r\n", 400, "malformed request body"),
        ("NOT HTTP AT ALL\r\n\r\n", 400, "malformed HTTP request"),
    ])
    func transportErrors(request: String, status: Int, phrase: String) async throws {
        let server = try await start()
        defer { Task { try? await server.stop() } }
        let connection = try RawConnection(port: server.port)
        defer { connection.close() }
        _ = connection.send(request)
        let (text, closed) = await connection.readToEnd()
        #expect(closed)
        let (got, error) = parse(text)
        #expect(got == status, "\(text.prefix(200))")
        #expect(error?["type"] as? String == "invalid_request_error")
        let message = error?["message"] as? String
        #expect(message?.contains(phrase) == true, "\(message ?? "no message")")
        #expect(message?.contains("\n") == false)
        // One answer only, and no 500 in the log.
        #expect(text.components(separatedBy: "HTTP/1.1 ").count - 1 == 1)
        try await Task.sleep(for: .milliseconds(200))
        #expect(!server.logLines.contains { $0.contains(" 500 ") }, "\(server.logLines)")
        let health = try await TestHTTP.send("GET", server.root.appendingPathComponent("health"))
        #expect(health.status == 200)
    }
}
