/// Why a JSON Schema (or a response format) cannot be used for constrained decoding: one line naming the keyword
/// and its JSON path, e.g. `unsupported JSON Schema keyword 'pattern' at $.properties.name`.
public enum JSONSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A keyword the compiler does not implement (never silently ignored).
    case unsupportedKeyword(keyword: String, path: String)
    /// A keyword with a value of the wrong kind or out of range.
    case invalidValue(keyword: String, path: String, reason: String)
    /// The schema text is not JSON.
    case invalidJSON(String)

    public var description: String {
        switch self {
        case .unsupportedKeyword(let k, let p): "unsupported JSON Schema keyword '\(k)' at \(p)"
        case .invalidValue(let k, let p, let r): "invalid JSON Schema keyword '\(k)' at \(p): \(r)"
        case .invalidJSON(let what): "the JSON Schema is not valid JSON: \(what)"
        }
    }

    /// The keyword at fault (nil for unparseable text).
    public var keyword: String? {
        switch self {
        case .unsupportedKeyword(let k, _), .invalidValue(let k, _, _): k
        case .invalidJSON: nil
        }
    }
}
