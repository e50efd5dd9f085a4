import Foundation

/// One failed attempt that is worth retrying.
public enum TransientFailure: Sendable, Equatable, CustomStringConvertible {
    /// A retryable HTTP status (429, 5xx, 529, ...) with the provider's message.
    case status(Int, message: String)
    /// No complete response within the per-request timeout.
    case timedOut(seconds: Double)
    /// The connection was refused, reset or lost before a complete response arrived.
    case connection(String)

    public var description: String {
        switch self {
        case .status(let code, let message): "HTTP \(code): \(message)"
        case .timedOut(let seconds): "timed out: no complete response within \(Self.format(seconds)) s"
        case .connection(let reason): "connection failed: \(reason)"
        }
    }

    func redacted(by redactor: Redactor) -> TransientFailure {
        switch self {
        case .status(let code, let message): .status(code, message: redactor(message))
        case .timedOut: self
        case .connection(let reason): .connection(redactor(reason))
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e9 ? String(Int(seconds)) : String(seconds)
    }
}
