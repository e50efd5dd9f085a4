import Foundation

/// The machine a run was created on, as far as results could depend on it. No host name, user or environment.
public struct HostInfo: Codable, Sendable, Equatable, Hashable {
    /// Logical processor cores available.
    public var cores: Int
    /// Operating system family (`Linux`, `macOS`, …).
    public var operatingSystem: String
    /// CPU architecture (`x86_64`, `arm64`).
    public var architecture: String

    /// Creates host information.
    public init(cores: Int, operatingSystem: String, architecture: String) {
        self.cores = cores
        self.operatingSystem = operatingSystem
        self.architecture = architecture
    }

    /// The machine this process runs on.
    public static var current: HostInfo {
        #if os(Linux)
        let system = "Linux"
        #elseif os(macOS)
        let system = "macOS"
        #else
        let system = "other"
        #endif
        #if arch(x86_64)
        let architecture = "x86_64"
        #elseif arch(arm64)
        let architecture = "arm64"
        #else
        let architecture = "other"
        #endif
        return HostInfo(cores: ProcessInfo.processInfo.activeProcessorCount, operatingSystem: system,
                        architecture: architecture)
    }
}
