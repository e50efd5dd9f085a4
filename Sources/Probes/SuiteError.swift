/// Why a suite could not be loaded. Each description is one line saying what and where.
public enum SuiteError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read or is not UTF-8 text.
    case unreadable(path: String, reason: String)
    /// The name is neither a built-in suite nor an existing file.
    case unknownSuite(name: String, builtins: [String])
    /// The suite was read but has problems (at least one).
    case invalid([SuiteIssue])

    /// The problems of an `invalid` suite (empty for the other cases).
    public var issues: [SuiteIssue] {
        if case .invalid(let issues) = self { return issues }
        return []
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the suite: \(reason)"
        case .unknownSuite(let name, let builtins):
            return "'\(name)' is neither a built-in suite (\(builtins.joined(separator: ", "))) nor a file that exists"
        case .invalid(let issues):
            return SuiteIssue.summary(issues, empty: "invalid suite")
        }
    }
}
