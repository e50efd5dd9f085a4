import Foundation
import Inference
import Serving
import Synchronization

/// An `OpenAIServer` serving on a free loopback port inside the test process, with its access log captured.
final class RunningServer: Sendable {
    let server: OpenAIServer
    let port: Int
    let task: Task<Void, any Error>
    private let lines: Mutex<[String]>

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }
    var root: URL { URL(string: "http://127.0.0.1:\(port)")! }
    var logLines: [String] { lines.withLock { $0 } }

    private init(server: OpenAIServer, port: Int, task: Task<Void, any Error>) {
        self.server = server
        self.port = port
        self.task = task
        lines = Mutex([])
    }

    /// Starts a server on `generation` with `configuration` (its port is replaced by 0: a free one).
    static func start(configuration: ServerConfiguration, generation: any GenerationService,
                      embeddings: (any EmbeddingService)? = nil) async throws -> RunningServer {
        var configuration = configuration
        configuration.port = 0
        configuration.host = "127.0.0.1"
        let captured = LogCapture()
        let server = OpenAIServer(configuration: configuration, generation: generation, embeddings: embeddings,
                                  log: AccessLog { captured.append($0) })
        let (ports, sink) = AsyncStream<Int>.makeStream()
        let task = Task { try await server.run(signals: []) { _, port in sink.yield(port) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw TestFailure("the server did not report its port") }
        let running = RunningServer(server: server, port: port, task: task)
        captured.attach(running)
        return running
    }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    /// Graceful shutdown; returns when `run` has returned.
    func stop() async throws {
        await server.shutdown()
        try await task.value
    }
}

/// Collects log lines until the server object exists.
private final class LogCapture: Sendable {
    private let state = Mutex<(pending: [String], server: RunningServer?)>(([], nil))
    func append(_ line: String) {
        let target: RunningServer? = state.withLock { s in
            if s.server == nil { s.pending.append(line) }
            return s.server
        }
        target?.append(line)
    }
    func attach(_ server: RunningServer) {
        let pending = state.withLock { s in
            s.server = server
            defer { s.pending = [] }
            return s.pending
        }
        for line in pending { server.append(line) }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
