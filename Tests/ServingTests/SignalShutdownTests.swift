import Foundation
import Testing

/// The real `valueprobe serve` binary: SIGTERM stops taking connections, lets the stream in flight finish, and the
/// process exits 0.
@Suite("valueprobe serve and SIGTERM", .serialized)
struct SignalShutdownTests {
    private static var binary: URL {
        OpenAIClientScript.repositoryRoot.appendingPathComponent(".build/debug/valueprobe")
    }

    @Test("SIGTERM drains the stream in flight and exits 0", .timeLimit(.minutes(2)))
    func sigterm() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path),
                     "build the CLI first (swift build --build-tests): \(Self.binary.path)")
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["serve", "--model", "smollm2", "--port", "0", "--context", "256", "--no-embeddings"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let (exits, exitSink) = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { exitSink.yield($0.terminationStatus) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The listening line names the port.
        let (lines, lineSink) = AsyncStream<String>.makeStream()
        errors.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { lineSink.finish() } else { lineSink.yield(String(decoding: data, as: UTF8.self)) }
        }
        var seen = ""
        var port: Int?
        for await chunk in lines {
            seen += chunk
            if let range = seen.range(of: #"http://127\.0\.0\.1:(\d+)/v1"#, options: .regularExpression) {
                port = Int(seen[range].dropFirst("http://127.0.0.1:".count).dropLast(3))
                break
            }
        }
        let p = try #require(port, "no listening line; stderr: \(seen)")

        let connection = try RawConnection(port: p)
        try connection.post("/v1/chat/completions", json: #"{"messages":[{"role":"user","content":"Tell me a long story."}],"max_tokens":40,"temperature":0,"stream":true}"#)
        let head = await connection.read(until: "\"content\"")
        #expect(head.hasPrefix("HTTP/1.1 200"))
        kill(process.processIdentifier, SIGTERM)
        let rest = await connection.read(until: "[DONE]")
        #expect(rest.contains("\"finish_reason\":\"length\"") || rest.contains("\"finish_reason\":\"stop\""))
        #expect(rest.contains("data: [DONE]"))
        var exitIterator = exits.makeAsyncIterator()
        let status = await exitIterator.next()
        #expect(status == 0)
        #expect(throws: (any Error).self) { try RawConnection(port: p) }
        connection.close()
    }
}
