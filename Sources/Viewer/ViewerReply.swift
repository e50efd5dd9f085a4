import Foundation

/// What the viewer answers to one request, independent of the HTTP server.
public struct ViewerReply: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The `Content-Type`.
    public var contentType: String
    /// The body.
    public var body: Data
    /// Further headers.
    public var headers: [(name: String, value: String)]

    /// Creates a reply.
    public init(status: Int, contentType: String, body: Data, headers: [(name: String, value: String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = body
        self.headers = headers
    }

    /// The encoder of every JSON reply: snake_case keys, sorted, slashes unescaped.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// `value` as a JSON reply.
    static func json(_ value: some Encodable, status: Int = 200) -> ViewerReply {
        do {
            return ViewerReply(status: status, contentType: "application/json; charset=utf-8",
                               body: try encoder().encode(value), headers: [("Cache-Control", "no-store")])
        } catch {
            return self.error(APIError(status: 500, message: "cannot encode the reply: \(error)"))
        }
    }

    /// An API error as a JSON reply.
    static func error(_ error: APIError) -> ViewerReply {
        struct Envelope: Encodable { var error: APIError }
        let body = (try? encoder().encode(Envelope(error: error)))
            ?? Data(#"{"error":{"message":"internal error","status":500}}"#.utf8)
        return ViewerReply(status: error.status, contentType: "application/json; charset=utf-8", body: body,
                           headers: [("Cache-Control", "no-store")])
    }
}
