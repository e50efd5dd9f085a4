import Foundation

/// Checks archive entry names before anything is written, so that no entry can land outside the
/// extraction directory ("zip slip").
public enum SafePath {
    /// The normalised relative path of an archive entry (`./` prefixes and trailing `/` removed), or `nil`
    /// when the name is absolute, contains `..`, a backslash, a NUL byte, a drive letter or an empty segment.
    public static func normalized(_ name: String) -> String? {
        if name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.contains("\u{0}") { return nil }
        var segments = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        while segments.first == "." { segments.removeFirst() }
        if segments.last == "" { segments.removeLast() }
        guard !segments.isEmpty else { return nil }
        for (index, segment) in segments.enumerated() {
            if segment.isEmpty || segment == "." || segment == ".." { return nil }
            if index == 0, segment.count == 2, segment.hasSuffix(":") { return nil }
        }
        return segments.joined(separator: "/")
    }

    /// The destination of a normalised relative path below `root`, checked once more to lie inside it.
    static func destination(of relative: String, in root: URL, archive: String, entry: String) throws -> URL {
        guard let clean = normalized(relative) else { throw AssetError.unsafePath(archive: archive, entry: entry) }
        let target = root.appendingPathComponent(clean).standardizedFileURL
        let base = root.standardizedFileURL.path
        guard target.path.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            throw AssetError.unsafePath(archive: archive, entry: entry)
        }
        return target
    }
}
