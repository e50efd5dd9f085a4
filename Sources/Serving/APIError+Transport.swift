import Hummingbird
import NIOHTTP1

/// Errors for what goes wrong below the endpoints, before a request reaches them: HTTP the decoder refuses, and
/// requests that arrive too slowly. They are sent by `ConnectionGuard`, which then closes the connection.
extension APIError {
    /// The answer to a request the HTTP decoder refused, or nil when there is nobody to answer (the client closed
    /// the connection mid-request). `inBody`: the headers were read and the body was not.
    static func transport(_ error: HTTPParserError, inBody: Bool) -> APIError? {
        let detail: String
        switch error {
        case .closedConnection, .invalidEOFState:
            return nil
        case .headerOverflow:
            return APIError(status: .requestHeaderFieldsTooLarge,
                            message: "the request headers are too large: at most \(maxHeaderBytes / 1024) KiB per field and in all, and \(maxHeaderFields) fields",
                            code: "request_header_fields_too_large")
        case .invalidContentLength: detail = "the Content-Length header is not a valid length"
        case .unexpectedContentLength: detail = "conflicting lengths (Content-Length given twice, or with Transfer-Encoding)"
        case .invalidChunkSize: detail = "a chunk of the chunked body has an invalid size line"
        case .invalidMethod: detail = "the method is not valid"
        case .invalidURL: detail = "the request target is not a valid URL path"
        case .invalidVersion: detail = "the HTTP version is not supported (HTTP/1.0 and HTTP/1.1 are)"
        case .invalidHeaderToken: detail = "a header name or value has characters HTTP does not allow"
        default:
            detail = inBody ? "the chunked encoding of the body is broken" : "the request is not valid HTTP/1.1"
        }
        return APIError(status: .badRequest, message: (inBody ? "malformed request body: " : "malformed HTTP request: ") + detail,
                        code: "malformed_request")
    }

    /// 408: the request did not arrive in time (`part` is "headers" or "body").
    static func requestTimeout(_ part: String, seconds: Duration, since: String) -> APIError {
        APIError(status: .requestTimeout,
                 message: "the request \(part) did not arrive within \(Self.seconds(seconds)) s of \(since); the connection is closed",
                 code: "request_timeout")
    }

    /// Largest header field, and largest sum of fields, the HTTP decoder accepts (set in `GuardedHTTP1Channel`;
    /// Hummingbird's defaults).
    static let maxHeaderBytes = 80 * 1024
    /// Most header fields the HTTP decoder accepts.
    static let maxHeaderFields = 1000

    private static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return s.rounded() == s ? String(Int64(s)) : String(s)
    }
}
