/// A report file could not be written; the description is one line naming the path.
public struct ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    /// Creates an error; line breaks in `reason` become spaces.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    public var description: String { "\(path): cannot write the report: \(reason)" }
}
