/// A problem reading or validating a GGUF file: one line saying what and where.
public struct GGUFError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file (or "<memory>") the problem is in.
    public var path: String
    /// Byte offset in the file where the problem was found, when it is about a position.
    public var offset: Int?
    public var message: String

    public init(path: String, offset: Int?, message: String) {
        self.path = path
        self.offset = offset
        self.message = message
    }

    public var description: String {
        if let offset { return "\(path): byte \(offset): \(message)" }
        return "\(path): \(message)"
    }
}
