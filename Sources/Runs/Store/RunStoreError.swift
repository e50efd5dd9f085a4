/// Why the run store refused an operation. Every description is one line.
public enum RunStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The run directory cannot be created or is not a directory.
    case cannotCreateDirectory(path: String, reason: String)
    /// The database was written by a newer ValueProbe with a schema this one does not know.
    case newerSchema(path: String, found: Int, supported: Int)
    /// No planned sample has this key.
    case unknownSample(key: String)
    /// No run has this id.
    case unknownRun(id: String)
    /// A stored row cannot be read back (e.g. a manifest that is not valid JSON).
    case corruptRow(table: String, key: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason):
            "cannot use run directory \(path): \(reason)"
        case .newerSchema(let path, let found, let supported):
            "\(path): store schema version \(found) is newer than this valueprobe supports (\(supported)); upgrade valueprobe"
        case .unknownSample(let key):
            "no planned sample has key '\(key)'"
        case .unknownRun(let id):
            "no run with id '\(id)' in this store"
        case .corruptRow(let table, let key, let reason):
            "unreadable row '\(key)' in table \(table): \(reason)"
        }
    }
}
