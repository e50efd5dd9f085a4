/// A problem in a labels CSV, at a position: `file:line:column: message`.
public struct LabelImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's name as given.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column (characters).
    public var column: Int
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
