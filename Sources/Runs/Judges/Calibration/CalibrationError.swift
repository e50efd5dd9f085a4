/// Why a calibration file could not be read or does not fit its suites. Each description is one line that names
/// the file and, where it applies, the line.
public struct CalibrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// 1-based line, when the problem belongs to one line.
    public var line: Int?
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(path: String, line: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return "\(place): " + reason.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
