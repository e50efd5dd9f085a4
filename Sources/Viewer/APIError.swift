/// An HTTP error of the JSON API, sent as `{"error": {"status": 404, "message": "…"}}`.
public struct APIError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The HTTP status code.
    public var status: Int
    /// What went wrong, in one line.
    public var message: String

    /// Creates an error.
    public init(status: Int, message: String) {
        self.status = status
        self.message = message
    }

    /// 400: a parameter is missing or malformed.
    public static func badRequest(_ message: String) -> APIError { APIError(status: 400, message: message) }
    /// 404: no such run, item or path.
    public static func notFound(_ message: String) -> APIError { APIError(status: 404, message: message) }

    public var description: String { "HTTP \(status): \(message)" }
}
