/// Why an outcome set could not be loaded. Each description is one line saying what and where.
public enum OutcomeSetError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read or is not UTF-8 text.
    case unreadable(path: String, reason: String)
    /// The name is neither a built-in outcome set nor an existing file.
    case unknownSet(name: String, builtins: [String])
    /// The set was read but has problems (at least one), each with its file and line.
    case invalid([SuiteIssue])

    /// The problems of an `invalid` set (empty for the other cases).
    public var issues: [SuiteIssue] {
        if case .invalid(let issues) = self { return issues }
        return []
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read the outcome set: \(reason)"
        case .unknownSet(let name, let builtins):
            return "'\(name)' is neither a built-in outcome set (\(builtins.joined(separator: ", "))) nor a file that exists"
        case .invalid(let issues):
            return SuiteIssue.summary(issues, empty: "invalid outcome set")
        }
    }
}
