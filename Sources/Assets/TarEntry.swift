/// One member of a tar archive, after long-name and pax records have been applied.
public struct TarEntry: Sendable, Hashable {
    /// Kinds of tar members.
    public enum Kind: Sendable, Hashable {
        case file, directory, symbolicLink, hardLink, other(UInt8)
    }

    /// The member's path as stored (not yet checked for safety).
    public var name: String
    /// What the member is.
    public var kind: Kind
    /// Size of the member's data in bytes.
    public var size: Int64
    /// Permission bits.
    public var mode: UInt32
    /// Link target for links.
    public var linkName: String
}
