import Foundation

/// An asset of the catalogue and whether it is installed.
public struct AssetStatus: Sendable {
    /// Installation states.
    public enum State: String, Sendable, Hashable {
        /// Installed from the current specification.
        case installed
        /// Installed from an older specification; ``AssetStore/ensure(_:progress:)`` reinstalls it.
        case outdated
        /// Not installed.
        case missing
    }

    /// The catalogue entry.
    public var spec: AssetSpec
    /// The installation state.
    public var state: State
    /// The directory holding the asset's files (present only when installed).
    public var directory: URL
    /// The manifest, when installed.
    public var manifest: AssetManifest?
}
