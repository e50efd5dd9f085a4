/// Sends one HTTP request once, with no retries. `HTTPTransport` adds the retry policy on top.
public protocol HTTPClient: Sendable {
    /// Sends `request` and waits at most `timeout` seconds for the complete response. Any HTTP status is a
    /// response, not an error. Throws `HTTPClientFailure`, or `CancellationError` when the task is cancelled.
    func send(_ request: HTTPRequest, timeout: Double) async throws -> HTTPResponse
}

/// Why one attempt produced no response.
public enum HTTPClientFailure: Error, Sendable, Equatable {
    /// No complete response within the timeout.
    case timedOut
    /// Refused, reset or lost connection: worth retrying.
    case connection(String)
    /// A failure that retrying would not fix (bad URL, TLS failure, ...).
    case permanent(String)
}
