import Foundation

/// A complete HTTP response.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header fields as received (look names up case-insensitively with `header(_:)`).
    public var headers: [String: String]
    public var body: Data
    /// Wall time of the attempt that produced this response, milliseconds.
    public var latencyMilliseconds: Double

    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), latencyMilliseconds: Double = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.latencyMilliseconds = latencyMilliseconds
    }

    /// The value of the header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.key.lowercased() == lower }?.value
    }
}
