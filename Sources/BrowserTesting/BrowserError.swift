/// Why a headless-browser check could not run; the description is one line.
public struct BrowserError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, on one line.
    public var message: String

    /// Creates an error; line breaks in `message` become spaces.
    public init(_ message: String) {
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    public var description: String { message }
}
