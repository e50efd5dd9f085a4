import Foundation

/// A run as listed by ``RunStore/runs()``.
public struct StoredRun: Sendable, Equatable, Codable {
    /// The run id.
    public var id: String
    /// When the run was first created (ISO 8601 text as stored).
    public var created: String
    /// The run's manifest.
    public var manifest: RunManifest

    /// Creates a listing entry.
    public init(id: String, created: String, manifest: RunManifest) {
        self.id = id
        self.created = created
        self.manifest = manifest
    }
}
