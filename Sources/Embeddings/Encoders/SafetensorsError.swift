/// A safetensors file that cannot be read or breaks a rule of the format. The description is one line:
/// the file, the byte offset in it (when one applies) and what is wrong.
public struct SafetensorsError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file (or the name given to in-memory bytes).
    public let path: String
    /// Absolute byte offset in the file where the problem lies; nil for problems of the whole file.
    public let offset: Int?
    public let reason: String

    public init(path: String, offset: Int?, reason: String) {
        self.path = path
        self.offset = offset
        self.reason = reason
    }

    public var description: String {
        if let offset { return "\(path): byte \(offset): \(reason)" }
        return "\(path): \(reason)"
    }
}
