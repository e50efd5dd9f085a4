import Foundation

/// What was installed for an asset: written as `manifest.json` next to the asset's files, last, so that an
/// asset directory with a manifest is always complete.
public struct AssetManifest: Sendable, Codable, Hashable {
    /// One installed file.
    public struct File: Sendable, Codable, Hashable {
        /// Path relative to the asset's files directory.
        public var path: String
        /// Path inside the package it came from.
        public var packagePath: String
        /// SHA-256 computed at installation (lower-case hex).
        public var sha256: String
        /// Size in bytes.
        public var size: Int64
        /// Whether the catalogue pinned this checksum (otherwise it was recorded on first fetch).
        public var pinned: Bool
    }

    /// The asset's name.
    public var name: String
    /// The package source from the catalogue.
    public var source: AssetSource
    /// The package version that was installed (for Debian packages, read from the `.deb` name).
    public var version: String
    /// The package file that was unpacked.
    public var packageFile: String
    /// How the package was obtained: `pip`, `apt-get`, `downloads directory` or a custom fetcher's description.
    public var obtainedWith: String
    /// When the asset was installed.
    public var fetched: Date
    /// ``AssetSpec/fingerprint`` of the specification it was installed from.
    public var specFingerprint: String
    /// The installed files.
    public var files: [File]

    /// Total size of the installed files.
    public var totalSize: Int64 { files.reduce(0) { $0 + $1.size } }

    static let fileName = "manifest.json"

    static func load(from url: URL) throws -> AssetManifest {
        let data = try Data(contentsOf: url)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(AssetManifest.self, from: data)
        } catch {
            throw AssetError.io(path: url.path, reason: "unreadable manifest: \(error)")
        }
    }

    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try encoder.encode(self).write(to: url, options: .atomic)
        } catch {
            throw AssetError.io(path: url.path, reason: "cannot write manifest: \(error)")
        }
    }
}
