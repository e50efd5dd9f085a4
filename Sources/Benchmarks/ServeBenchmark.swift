import Foundation
import Inference
import Serving

/// `valueprobe bench serve`: starts `serve` in-process on a free port and measures a fixed chat load
/// (`ServeLoad`: 16 concurrent clients by default), then, when `llama-server` is installed, the same load on
/// `llama-server --parallel N` with the same GGUF file and threads.
public struct ServeBenchmark: Sendable {
    public var load = ServeLoad()
    /// Engine slots (and llama-server's `--parallel`).
    public var parallel = 16
    public var threads: Int?
    /// Positions per slot, for both servers.
    public var contextPerSlot = 512

    public init() {}

    public struct Report: Codable, Sendable {
        public var model: String
        public var file: String
        public var clients: Int
        public var requests: Int
        public var maxTokens: Int
        public var parallel: Int
        public var threads: Int
        public var valueprobe: ServeLoad.Result
        public var llamaServer: ServeLoad.Result?
        /// valueprobe ÷ llama-server completion tokens/s.
        public var ratio: Double?
        public var peerError: String?
    }

    /// Runs both measurements; `progress` is told what is happening.
    public func run(model spec: String, progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> Report {
        var options = ServeOptions()
        options.model = spec
        options.port = 0
        options.parallel = parallel
        options.threads = threads
        options.context = contextPerSlot
        options.queue = max(64, load.clients * 2)
        options.embeddings = false
        let server = try options.makeServer(log: .none)
        let threadCount = threads ?? WorkerPool.availableCores
        let (ports, portSink) = AsyncStream<Int>.makeStream()
        let serving = Task { try await server.run(signals: []) { _, port in portSink.yield(port) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw PeerError("the server did not start") }
        let modelID = server.configuration.modelID
        progress("valueprobe serve: \(load.clients) clients × \(load.requestsPerClient) requests, max_tokens \(load.maxTokens)…")
        // One short warm-up request pages the weights in.
        _ = try? await ServeLoad(clients: 1, requestsPerClient: 1, maxTokens: 4).run(port: port, model: modelID)
        let ours = try await load.run(port: port, model: modelID)
        await server.shutdown()
        _ = try? await serving.value
        let file = server.generation.model.file.path

        var report = Report(model: modelID, file: file, clients: load.clients,
                            requests: load.clients * load.requestsPerClient, maxTokens: load.maxTokens,
                            parallel: server.generation.parallelism, threads: threadCount, valueprobe: ours)
        guard let peer = LlamaServerPeer.find() else { return report }
        progress("llama-server --parallel \(parallel): same load…")
        do {
            let running = try await peer.start(model: file, parallel: parallel, contextPerSlot: contextPerSlot, threads: threadCount)
            _ = try? await ServeLoad(clients: 1, requestsPerClient: 1, maxTokens: 4).run(port: running.port, model: modelID)
            let measured: ServeLoad.Result
            do { measured = try await load.run(port: running.port, model: modelID) } catch {
                await running.stop()
                throw error
            }
            await running.stop()
            let theirs = measured
            report.llamaServer = theirs
            if theirs.completionTokensPerSecond > 0 {
                report.ratio = ours.completionTokensPerSecond / theirs.completionTokensPerSecond
            }
        } catch {
            report.peerError = "\(error)"
        }
        return report
    }
}
