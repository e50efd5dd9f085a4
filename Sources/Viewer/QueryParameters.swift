import Foundation

/// The parameters of a request's query string (`a=1&b=x%20y`), percent-decoded, `+` read as a space; the first
/// occurrence of a name wins. Empty values count as absent.
struct QueryParameters: Sendable {
    private var values: [String: String] = [:]

    init(_ query: String?) {
        guard let query else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if values[name] == nil, let value { values[name] = value }
        }
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The value of `name`, nil when absent or empty.
    subscript(name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }

    /// An integer parameter within `range`, `fallback` when absent.
    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = self[name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw .badRequest("parameter '\(name)' must be an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
        }
        return value
    }

    /// A parameter read by `parse`, nil when absent; a value `parse` rejects is a 400 listing `allowed`.
    func choice<T>(_ name: String, allowed: [String], parse: (String) -> T?) throws(APIError) -> T? {
        guard let text = self[name] else { return nil }
        guard let value = parse(text) else {
            throw .badRequest("parameter '\(name)' must be one of \(allowed.joined(separator: ", ")), got '\(text)'")
        }
        return value
    }

    /// A required parameter.
    func required(_ name: String) throws(APIError) -> String {
        guard let value = self[name] else { throw .badRequest("parameter '\(name)' is required") }
        return value
    }
}
