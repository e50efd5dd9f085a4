import Hummingbird
import HummingbirdCore
import Inference
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import UnixSignals

/// `valueprobe serve`: an OpenAI-compatible HTTP server (Hummingbird) over a `GenerationService`, so requests
/// from every client share the engine's continuous batch, and over an optional `EmbeddingService`.
///
/// Connections are guarded (`ConnectionGuard`): slow or idle ones are closed after the configured timeouts, and
/// requests the HTTP decoder refuses are answered in OpenAI's error shape.
///
/// Shutdown is graceful: on SIGTERM/SIGINT (or `shutdown()`) the server stops accepting connections, lets the
/// requests in flight finish (streams included), then `run` returns.
public final class OpenAIServer: Sendable {
    public let configuration: ServerConfiguration
    public let generation: any GenerationService
    public let embeddings: (any EmbeddingService)?
    private let endpoints: OpenAIEndpoints
    private let group = Mutex<ServiceGroup?>(nil)
    private let shutdownRequested = Mutex(false)

    /// - Parameters:
    ///   - log: where access-log lines go (standard error by default).
    public init(configuration: ServerConfiguration, generation: any GenerationService,
                embeddings: (any EmbeddingService)? = nil, log: AccessLog = .standardError) {
        self.configuration = configuration
        self.generation = generation
        self.embeddings = embeddings
        endpoints = OpenAIEndpoints(configuration: configuration, generation: generation, embeddings: embeddings, log: log)
    }

    /// Sequences admitted now (generating or waiting for a slot).
    public var admittedSequences: Int { endpoints.admission.count }

    /// Serves until a shutdown signal or `shutdown()`, then drains and returns.
    /// - Parameters:
    ///   - signals: signals that start a graceful shutdown (none when embedding the server in another program).
    ///   - onListening: told the bound host and port once the server accepts connections.
    public func run(signals: [UnixSignal] = [.sigterm, .sigint],
                    onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in }) async throws {
        var logger = Logger(label: "valueprobe.serve")
        logger.logLevel = .error
        let host = configuration.host
        let timeouts = ConnectionGuard.Timeouts(header: configuration.headerTimeout, body: configuration.bodyTimeout,
                                                idle: configuration.idleTimeout)
        let app = Application(
            responder: OpenAIResponder(endpoints: endpoints),
            server: HTTPServerBuilder { responder in GuardedHTTP1Channel(responder: responder, timeouts: timeouts) },
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onListening(host, channel.localAddress?.port ?? 0) },
            logger: logger)
        let serviceGroup = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: signals, logger: logger))
        let alreadyAsked = shutdownRequested.withLock { asked in
            group.withLock { $0 = serviceGroup }
            return asked
        }
        if alreadyAsked { return }
        defer { group.withLock { $0 = nil } }
        try await serviceGroup.run()
    }

    /// Starts a graceful shutdown of a running server (or makes a later `run` return at once).
    public func shutdown() async {
        let g = shutdownRequested.withLock { asked in
            asked = true
            return group.withLock { $0 }
        }
        await g?.triggerGracefulShutdown()
    }
}
