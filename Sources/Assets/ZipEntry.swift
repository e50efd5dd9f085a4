/// One entry of a zip archive's central directory.
public struct ZipEntry: Sendable, Hashable {
    /// The entry's name as stored (`/`-separated; not yet checked for safety).
    public var name: String
    /// Compression method: 0 stored, 8 deflate.
    public var method: UInt16
    /// General-purpose flags (bit 0: encrypted).
    public var flags: UInt16
    /// CRC-32 of the uncompressed data.
    public var crc32: UInt32
    /// Size of the stored (compressed) data.
    public var compressedSize: UInt64
    /// Size after decompression.
    public var uncompressedSize: UInt64
    /// Offset of the entry's local header in the archive.
    public var localHeaderOffset: UInt64
    /// Unix mode bits when the archive was made on Unix, else 0.
    public var unixMode: UInt32

    /// Whether the entry is a directory.
    public var isDirectory: Bool { name.hasSuffix("/") || (unixMode & 0o170000) == 0o040000 }
    /// Whether the entry is a symbolic link (never extracted).
    public var isSymbolicLink: Bool { (unixMode & 0o170000) == 0o120000 }
}
