/// Why a downloaded item bank could not be imported: one line naming the file, the line and what is wrong.
public struct ItemBankError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file read.
    public var file: String
    /// 1-based line of the problem, when it has one.
    public var line: Int?
    /// What is wrong (naming the column or field).
    public var message: String

    /// Creates an error.
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:LINE: message`, or `file: message`.
    public var description: String {
        line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
