/// Why the viewer cannot start or serve. Every description is one line.
public enum ViewerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The directory to serve does not exist or is not a directory.
    case notADirectory(path: String)
    /// The web app's files are missing from the module's resources.
    case missingResource(name: String)
    /// The host to bind to is not usable.
    case invalidHost(String)

    public var description: String {
        switch self {
        case .notADirectory(let path): "\(path): not a directory (pass the directory that holds your runs)"
        case .missingResource(let name): "the viewer's web file '\(name)' is missing from the installation"
        case .invalidHost(let host): "cannot serve on host '\(host)'"
        }
    }
}
