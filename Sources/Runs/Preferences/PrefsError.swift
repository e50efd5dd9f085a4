/// Why a preference run could not go on. Each description is one line saying what and where.
public enum PrefsError: Error, Sendable, CustomStringConvertible, Equatable {
    /// An option is out of range.
    case invalidOption(String)
    /// The run directory holds a different run.
    case differentRun(path: String, found: String, expected: String)
    /// The store file was written by a newer ValueProbe.
    case newerSchema(path: String, found: Int, supported: Int)
    /// The stored plan refers to outcomes the set does not have.
    case corruptStore(path: String, reason: String)
    /// The answers cannot be analysed (too few, disconnected, …).
    case analysis(String)

    public var description: String {
        switch self {
        case .invalidOption(let text): text
        case .differentRun(let path, let found, let expected):
            "\(path) holds preference run \(found), not \(expected) (choose another --out, or re-run the command that made it)"
        case .newerSchema(let path, let found, let supported):
            "\(path): preference store schema version \(found) is newer than this ValueProbe supports (\(supported))"
        case .corruptStore(let path, let reason): "\(path): \(reason)"
        case .analysis(let reason): "cannot analyse the preferences: \(reason)"
        }
    }
}
