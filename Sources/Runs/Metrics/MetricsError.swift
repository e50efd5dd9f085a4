/// Why metrics could not be computed; the description is one line.
public struct MetricsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public let message: String

    /// Creates an error; line breaks become spaces.
    public init(_ message: String) {
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    public var description: String { "metrics: \(message)" }
}
