/// A secret API credential read from the environment. It prints, dumps and mirrors as `<redacted>`, is not
/// `Codable`, and its value is only readable inside this module (to put it in a request header).
public struct APIKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let value: String

    /// A key from `raw`; nil when `raw` is nil or blank. Surrounding whitespace is removed.
    public init?(_ raw: String?) {
        guard let trimmed = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        value = trimmed
    }

    /// The first non-blank key among `variables` in `environment`.
    public static func from(_ environment: [String: String], variables: [String]) -> APIKey? {
        for name in variables {
            if let key = APIKey(environment[name]) { return key }
        }
        return nil
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "APIKey(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
