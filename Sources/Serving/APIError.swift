import Foundation
import Hummingbird

/// An error answered in OpenAI's shape, `{"error": {"message", "type", "param", "code"}}`, with its HTTP status.
/// Messages are one line and never contain secrets.
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String
    /// OpenAI's error class: `invalid_request_error`, `authentication_error`, `rate_limit_error`, `server_error`.
    public var type: String
    /// The request field at fault, when one is.
    public var param: String?
    public var code: String?
    /// Seconds a client should wait before retrying (sent as `Retry-After`).
    public var retryAfter: Int?

    public init(status: HTTPResponse.Status, message: String, type: String = "invalid_request_error",
                param: String? = nil, code: String? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code
        self.retryAfter = retryAfter
    }

    public var description: String { "\(status.code) \(type): \(message)" }

    /// 400: a parameter has a bad value; the message names it.
    static func invalid(_ param: String, _ message: String) -> APIError {
        APIError(status: .badRequest, message: message, param: param, code: "invalid_value")
    }

    /// 400: a required parameter is absent.
    static func missing(_ param: String) -> APIError {
        APIError(status: .badRequest, message: "missing required parameter '\(param)'", param: param,
                 code: "missing_required_parameter")
    }

    /// 400: the body is not JSON (or not an object).
    static func badJSON(_ detail: String) -> APIError {
        APIError(status: .badRequest, message: "the request body is not valid JSON: \(detail)", code: "invalid_json")
    }

    static func unknownModel(_ name: String, known: [String]) -> APIError {
        APIError(status: .notFound,
                 message: "the model '\(name)' does not exist (this server has: \(known.joined(separator: ", ")))",
                 param: "model", code: "model_not_found")
    }

    static func unknownPath(_ path: String) -> APIError {
        APIError(status: .notFound, message: "no such endpoint: \(path)", code: "unknown_url")
    }

    static func methodNotAllowed(_ method: String, path: String, allowed: String) -> APIError {
        APIError(status: .methodNotAllowed, message: "\(method) is not allowed on \(path) (use \(allowed))",
                 code: "method_not_allowed")
    }

    static func contextExceeded(promptTokens: Int, context: Int, param: String) -> APIError {
        APIError(status: .contentTooLarge,
                 message: "the prompt has \(promptTokens) tokens; this server's context holds \(context) (and one more is needed to generate)",
                 param: param, code: "context_length_exceeded")
    }

    static func bodyTooLarge(limit: Int) -> APIError {
        APIError(status: .contentTooLarge, message: "the request body exceeds \(limit) bytes", code: "request_too_large")
    }

    static let unauthorized = APIError(
        status: .unauthorized, message: "missing or incorrect API key: send it as 'Authorization: Bearer KEY'",
        type: "authentication_error", code: "invalid_api_key")

    static func busy(retryAfter: Int) -> APIError {
        APIError(status: .tooManyRequests, message: "the server is at capacity; retry after \(retryAfter) s",
                 type: "rate_limit_error", code: "rate_limit_exceeded", retryAfter: retryAfter)
    }

    static func server(_ message: String) -> APIError {
        APIError(status: .internalServerError, message: message, type: "server_error", code: "internal_error")
    }

    /// The JSON body.
    var body: Data {
        let payload = Payload(error: .init(message: message, type: type, param: param, code: code))
        return (try? JSONEncoder.api.encode(payload)) ?? Data(#"{"error":{"message":"error","type":"server_error","param":null,"code":null}}"#.utf8)
    }

    /// The HTTP response carrying this error.
    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    private struct Payload: Encodable {
        struct Detail: Encodable {
            var message: String
            var type: String
            var param: String?
            var code: String?

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(message, forKey: .message)
                try c.encode(type, forKey: .type)
                try c.encode(param, forKey: .param)  // null, not absent, as OpenAI sends
                try c.encode(code, forKey: .code)
            }
            enum CodingKeys: String, CodingKey { case message, type, param, code }
        }
        var error: Detail
    }
}
