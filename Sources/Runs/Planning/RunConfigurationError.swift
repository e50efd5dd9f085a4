/// A run configuration field that cannot be used.
public struct RunConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field (named as the CLI option).
    public var field: String
    /// What is wrong with it.
    public var reason: String

    /// Creates an error.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "--\(field): \(reason)" }
}
