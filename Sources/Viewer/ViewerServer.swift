import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// `valueprobe view`: an HTTP server (Hummingbird) over ``ViewerAPI`` for the runs under a directory.
///
/// It binds to 127.0.0.1 by default. When bound to a loopback address it only answers requests whose `Host` is a
/// loopback name, so that a web page elsewhere cannot read the runs through DNS rebinding.
public struct ViewerServer: Sendable {
    /// The directory whose runs are served.
    public var directory: URL
    /// The address to bind to.
    public var host: String
    /// The port (0 = any free port).
    public var port: Int

    /// The default port.
    public static let defaultPort = 8765

    /// A server for the runs under `directory`.
    public init(directory: URL, host: String = "127.0.0.1", port: Int = ViewerServer.defaultPort) {
        self.directory = directory
        self.host = host
        self.port = port
    }

    /// A running server: its address, and how to stop it.
    public final class Running: Sendable {
        /// The base URL (`http://127.0.0.1:PORT/`).
        public let url: URL
        /// The port bound.
        public let port: Int
        private let group: ServiceGroup
        private let task: Task<Void, any Error>

        init(url: URL, port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
            self.url = url
            self.port = port
            self.group = group
            self.task = task
        }

        /// Stops the server gracefully (requests in flight finish) and waits until it has closed.
        public func stop() async {
            await group.triggerGracefulShutdown()
            _ = try? await task.value
        }
    }

    private func application(
        onRunning: @escaping @Sendable (Int) async -> Void
    ) throws -> some ApplicationProtocol {
        let catalog = RunCatalog(root: directory)
        try catalog.refresh()
        let api = try ViewerAPI(catalog: catalog)
        let loopbackOnly = Self.isLoopback(host)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            if loopbackOnly, !Self.isLoopbackHostHeader(request.head.authority) {
                return Self.response(.error(APIError(status: 403, message: "requests must name a loopback host")))
            }
            let reply = await Self.offload {
                api.respond(method: request.method.rawValue, path: request.uri.path, query: request.uri.query)
            }
            return Self.response(request.method == .head ? ViewerReply(status: reply.status, contentType: reply.contentType,
                                                                       body: Data(), headers: reply.headers) : reply)
        }
        var logger = Logger(label: "valueprobe.view")
        logger.logLevel = .warning
        return Application(
            responder: responder,
            server: HTTPServerBuilder { responder in ViewerHTTP1Channel(responder: responder) },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Starts serving in the background; returns once the port is bound.
    /// - Throws: ``ViewerError`` when the directory is unusable, or the bind error.
    public func start() async throws -> Running {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = try application { port in
            continuation.yield(port)
            continuation.finish()
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: [], logger: app.logger))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            throw ViewerError.invalidHost(host)
        }
        return Running(url: Self.baseURL(host: host, port: port), port: port, group: group, task: task)
    }

    /// Serves until SIGINT or SIGTERM; `onReady` gets the base URL once the port is bound.
    public func run(onReady: @escaping @Sendable (URL) -> Void) async throws {
        let host = self.host
        let app = try application { port in onReady(Self.baseURL(host: host, port: port)) }
        try await app.runService()
    }

    static func baseURL(host: String, port: Int) -> URL {
        let name = host.contains(":") ? "[\(host)]" : host
        return URL(string: "http://\(name):\(port)/") ?? URL(fileURLWithPath: "/")
    }

    /// Whether `host` is a loopback address or name.
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.first == "127"
            && octets.allSatisfy { $0.count <= 3 && UInt8($0) != nil }
    }

    /// Whether a `Host` header is exactly a loopback host with an optional port: `127.0.0.1`, `localhost:8765`,
    /// `[::1]:8765`. Anything else — user information (`127.0.0.1:1@evil.example`), a port that is not 1 to 5
    /// digits, an unbracketed IPv6 address, a list of hosts — is refused.
    static func isLoopbackHostHeader(_ header: String?) -> Bool {
        guard let header, !header.isEmpty else { return false }
        let name: Substring, rest: Substring
        if header.hasPrefix("[") {
            guard let close = header.firstIndex(of: "]") else { return false }
            name = header[header.index(after: header.startIndex) ..< close]
            rest = header[header.index(after: close)...]
        } else if let colon = header.firstIndex(of: ":") {
            name = header[..<colon]
            rest = header[colon...]
        } else {
            name = Substring(header)
            rest = ""
        }
        if !rest.isEmpty {
            let port = rest.dropFirst()
            guard rest.first == ":", (1...5).contains(port.count), port.allSatisfy({ $0.isASCII && $0.isNumber })
            else { return false }
        }
        return isLoopback(String(name).lowercased())
    }


    /// Runs blocking store work off the server's cooperative threads.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }

    static func response(_ reply: ViewerReply) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = reply.contentType
        headers[.contentLength] = String(reply.body.count)
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(status: HTTPResponse.Status(code: reply.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}
