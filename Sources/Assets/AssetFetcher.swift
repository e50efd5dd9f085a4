import Foundation

/// Obtains the package file (wheel, sdist or `.deb`) of an asset. The store calls it only when the asset is
/// not installed and no copy of the package waits in the store's `downloads` directory.
///
/// ``PackageFetcher`` is the real implementation; tests plug in their own.
public protocol AssetFetcher: Sendable {
    /// Places the package file for `spec` in `directory` (an empty, private scratch directory) and returns its
    /// location. Tool output worth keeping for a failure report may be appended to `directory/fetch.log`.
    func fetch(_ spec: AssetSpec, into directory: URL) throws -> URL
}
