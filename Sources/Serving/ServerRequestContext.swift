import Hummingbird

/// The per-request context: Hummingbird's core storage and the client's address for the access log.
struct ServerRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's IP address, "-" when unknown.
    let client: String
    /// The connection's state (nil when the server was set up without the watcher).
    let connection: ConnectionState?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = source.channel.remoteAddress?.ipAddress ?? "-"
        connection = ConnectionRegistry.state(for: source.channel)
    }
}
