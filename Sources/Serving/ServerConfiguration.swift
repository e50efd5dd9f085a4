/// How `valueprobe serve` listens and what it accepts. The API key is never printed (see `description`).
public struct ServerConfiguration: Sendable, CustomStringConvertible {
    /// Address to bind; loopback unless asked otherwise.
    public var host = "127.0.0.1"
    /// Port to bind; 0 picks a free one (reported to `OpenAIServer.run`'s `onListening`).
    public var port = 8080
    /// The bearer key clients must send, nil for none.
    public var apiKey: String?
    /// Sequences that may wait for an engine slot; beyond slots + queue, requests get 429.
    public var queue = 64
    /// Positions (prompt + completion) one sequence may fill.
    public var contextSize: Int
    /// The id of the chat model in `/v1/models` and in requests' `model`.
    public var modelID: String
    /// Other names accepted for the chat model (case-insensitive).
    public var modelAliases: [String] = []
    /// Largest request body read, bytes.
    public var maxBodyBytes = 8 << 20
    /// `Retry-After` seconds sent with 429.
    public var retryAfterSeconds = 1
    /// How long a request's line and headers may take to arrive, from their first byte (408 after that).
    public var headerTimeout: Duration = .seconds(30)
    /// How long a request's whole body may take to arrive once its headers are in (408 after that).
    public var bodyTimeout: Duration = .seconds(60)
    /// How long a connection may wait without a request in progress (before its first request, or between
    /// requests on a kept-alive connection) before it is closed.
    public var idleTimeout: Duration = .seconds(60)

    public init(modelID: String, contextSize: Int, host: String = "127.0.0.1", port: Int = 8080,
                apiKey: String? = nil, queue: Int = 64) {
        self.modelID = modelID
        self.contextSize = contextSize
        self.host = host
        self.port = port
        self.apiKey = apiKey
        self.queue = queue
    }

    public var description: String {
        "ServerConfiguration(host: \(host), port: \(port), model: \(modelID), context: \(contextSize), queue: \(queue), timeouts: header \(headerTimeout) body \(bodyTimeout) idle \(idleTimeout), api key: \(apiKey == nil ? "none" : "set"))"
    }
}
