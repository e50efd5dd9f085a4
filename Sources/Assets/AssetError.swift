/// Everything that can go wrong while obtaining, unpacking, verifying or looking up an asset.
///
/// Each description is one line that says what went wrong and where (asset, file, byte offset, command).
public enum AssetError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No asset of this name in the catalogue.
    case unknownAsset(name: String, known: [String])
    /// An asset name that cannot be used as a directory name.
    case invalidName(String)
    /// A file-system operation failed.
    case io(path: String, reason: String)
    /// A program needed to obtain or unpack an asset is not installed.
    case toolMissing(tool: String, purpose: String)
    /// The package tool (pip, apt-get, dpkg-deb) failed. `command` names the program and package only.
    case fetchFailed(asset: String, command: String, lastLine: String, hint: String)
    /// `VALUEPROBE_OFFLINE` forbids downloading and no copy of the package is at hand.
    case offline(asset: String, expected: String, dropInDirectory: String)
    /// A kept file's SHA-256 differs from the catalogue's.
    case checksumMismatch(asset: String, file: String, expected: String, actual: String)
    /// A kept file's size differs from the catalogue's.
    case sizeMismatch(asset: String, file: String, expected: Int64, actual: Int64)
    /// A file the catalogue requires is not in the package.
    case missingFile(asset: String, file: String, archive: String)
    /// A pattern of files to keep matched nothing in the package.
    case patternUnmatched(asset: String, pattern: String, archive: String)
    /// A malformed archive; `offset` is the byte offset (in the archive, or in its decompressed stream for
    /// `.tar.gz`) where the problem was seen.
    case malformedArchive(archive: String, offset: Int64, reason: String)
    /// An archive entry whose path would escape the extraction directory (absolute, `..`, …).
    case unsafePath(archive: String, entry: String)
    /// An archive feature this reader does not handle (encryption, an unknown compression method, …).
    case unsupported(archive: String, entry: String, reason: String)
    /// The asset is not installed (returned by lookups that must not download).
    case notInstalled(String)
    /// The requested file is not part of the installed asset.
    case fileNotInAsset(asset: String, file: String)
    /// A model specification names neither an existing file nor an asset with a model file.
    case modelNotFound(spec: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownAsset(name, known):
            return "unknown asset '\(name)'; known assets: \(known.joined(separator: ", "))"
        case let .invalidName(name):
            return "invalid asset name '\(name)': use lower-case letters, digits, '-', '_' and '.'"
        case let .io(path, reason):
            return "\(path): \(reason)"
        case let .toolMissing(tool, purpose):
            return "'\(tool)' was not found on PATH; it is needed \(purpose)"
        case let .fetchFailed(asset, command, lastLine, hint):
            return "asset '\(asset)': `\(command)` failed: \(lastLine.isEmpty ? "(no error output)" : lastLine); \(hint)"
        case let .offline(asset, expected, dropIn):
            return "asset '\(asset)' is not installed and VALUEPROBE_OFFLINE=1 forbids downloading; copy \(expected) into \(dropIn)"
        case let .checksumMismatch(asset, file, expected, actual):
            return "asset '\(asset)': sha256 mismatch for \(file): expected \(expected), got \(actual); nothing was installed"
        case let .sizeMismatch(asset, file, expected, actual):
            return "asset '\(asset)': size mismatch for \(file): expected \(expected) bytes, got \(actual); nothing was installed"
        case let .missingFile(asset, file, archive):
            return "asset '\(asset)': \(archive) does not contain \(file)"
        case let .patternUnmatched(asset, pattern, archive):
            return "asset '\(asset)': no file in \(archive) matches \(pattern)"
        case let .malformedArchive(archive, offset, reason):
            return "\(archive): byte \(offset): \(reason)"
        case let .unsafePath(archive, entry):
            return "\(archive): entry '\(entry)' would be written outside the extraction directory; archive rejected"
        case let .unsupported(archive, entry, reason):
            return "\(archive): entry '\(entry)': \(reason)"
        case let .notInstalled(name):
            return "asset '\(name)' is not installed"
        case let .fileNotInAsset(asset, file):
            return "asset '\(asset)' has no file '\(file)'"
        case let .modelNotFound(spec, reason):
            return "model '\(spec)': \(reason)"
        }
    }
}
