import Foundation

/// One HTTP request a backend sends: always a JSON POST in practice.
public struct HTTPRequest: Sendable, CustomStringConvertible, CustomReflectable {
    public var method: String
    public var url: URL
    /// Header fields; may hold a secret (an API key), so this type is never printed.
    public var headers: [String: String]
    public var body: Data

    public init(method: String = "POST", url: URL, headers: [String: String] = [:], body: Data = Data()) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Method, URL and sizes only: header values may be secrets.
    public var description: String { "\(method) \(Endpoint.maskingPassword(url.absoluteString)) (\(headers.count) headers, \(body.count) bytes)" }

    /// Header names without their values.
    public var customMirror: Mirror {
        Mirror(self, children: ["method": method, "url": Endpoint.maskingPassword(url.absoluteString), "headerNames": headers.keys.sorted(),
                                "bodyBytes": body.count])
    }
}
