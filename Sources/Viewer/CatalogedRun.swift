import Foundation
import Runs

/// A run found by ``RunCatalog``: its store, the directory holding the store, and its manifest.
public struct CatalogedRun: Sendable {
    /// The run id.
    public var id: String
    /// The run's manifest.
    public var manifest: RunManifest
    /// The directory holding the store (and the run's report files).
    public var directory: URL
    /// The opened store.
    public var store: RunStore

    /// Creates an entry.
    public init(id: String, manifest: RunManifest, directory: URL, store: RunStore) {
        self.id = id
        self.manifest = manifest
        self.directory = directory
        self.store = store
    }
}
