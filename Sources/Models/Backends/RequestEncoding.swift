import Foundation

/// Encodes a backend's request body and builds the headers every backend sends.
enum RequestEncoding {
    /// `value` as JSON; a value JSON cannot represent (a non-finite temperature) becomes
    /// `BackendError.invalidRequest` naming the field.
    static func json<T: Encodable>(_ value: T, backend: String) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch let EncodingError.invalidValue(bad, context) {
            let field = ResponseDecoding.path(context.codingPath)
            throw BackendError.invalidRequest(backend: backend, reason: "cannot encode \(field) = \(bad) as JSON")
        } catch {
            throw BackendError.invalidRequest(backend: backend,
                                              reason: Redactor.singleLine("cannot encode the request: \(error)"))
        }
    }

    /// JSON content headers plus `extra`.
    static func headers(_ extra: [String: String] = [:]) -> [String: String] {
        var headers = [
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": "ValueProbe/\(ValueProbeVersion.current)",
        ]
        for (name, value) in extra { headers[name] = value }
        return headers
    }

    /// A seed folded into `0 ... 2^(bits-1) - 1`, the non-negative range of a signed `bits`-bit integer
    /// (APIs take signed 32- or 64-bit seeds).
    static func seed(_ seed: UInt64?, bits: Int) -> Int64? {
        guard let seed else { return nil }
        let mask: UInt64 = bits >= 64 ? UInt64(Int64.max) : (UInt64(1) << UInt64(bits - 1)) - 1
        return Int64(seed & mask)
    }
}
