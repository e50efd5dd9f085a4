/// Why a browsing query of ``RunStore`` was refused. Every description is one line.
public enum RunBrowsingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The page's offset or limit is out of range.
    case invalidPage(reason: String)

    public var description: String {
        switch self {
        case .invalidPage(let reason): "invalid page: \(reason)"
        }
    }
}
