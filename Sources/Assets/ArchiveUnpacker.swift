import Foundation

/// Unpacks the files an asset keeps from its package: wheels (zip) and sdists (`.tar.gz`) natively, `.deb`
/// files with `dpkg-deb -x`.
enum ArchiveUnpacker {
    /// A kept file: where it was in the package and where it was installed (relative to the files directory).
    struct Placed: Sendable {
        var packagePath: String
        var installedPath: String
    }

    /// Extracts the files `spec` keeps from `archive` into `filesDirectory`, then checks that every required
    /// file and every pattern was found. `scratch` is a private directory for `.deb` staging.
    static func unpack(
        _ archive: URL, spec: AssetSpec, into filesDirectory: URL, scratch: URL, environment: [String: String]
    ) throws -> [Placed] {
        let fm = FileManager.default
        try fm.createDirectory(at: filesDirectory, withIntermediateDirectories: true)
        let select: (String) -> String? = { name in
            guard let clean = SafePath.normalized(name), spec.keeps(packagePath: clean) else { return nil }
            return spec.installedPath(forPackagePath: clean)
        }
        let name = archive.lastPathComponent
        var placed: [Placed] = []
        if name.hasSuffix(".whl") || name.hasSuffix(".zip") {
            let extracted = try ZipReader(url: archive).extractAll(into: filesDirectory, select: select)
            placed = extracted.map { Placed(packagePath: SafePath.normalized($0.entry) ?? $0.entry, installedPath: $0.path) }
        } else if name.hasSuffix(".tar.gz") || name.hasSuffix(".tgz") {
            let extracted = try TarReader(url: archive).extractAll(into: filesDirectory, select: select)
            placed = extracted.map { Placed(packagePath: SafePath.normalized($0.entry) ?? $0.entry, installedPath: $0.path) }
        } else if name.hasSuffix(".deb") {
            placed = try unpackDeb(archive, into: filesDirectory, scratch: scratch, select: select, environment: environment)
        } else {
            throw AssetError.unsupported(archive: name, entry: name, reason: "unknown package type (expected .whl, .zip, .tar.gz or .deb)")
        }
        let found = Set(placed.map(\.packagePath))
        for file in spec.files where !found.contains(file.path) {
            throw AssetError.missingFile(asset: spec.name, file: file.path, archive: name)
        }
        for pattern in spec.patterns where !found.contains(where: { PathPattern.matches(pattern, $0) }) {
            throw AssetError.patternUnmatched(asset: spec.name, pattern: pattern, archive: name)
        }
        return placed.sorted { $0.installedPath < $1.installedPath }
    }

    private static func unpackDeb(
        _ archive: URL, into filesDirectory: URL, scratch: URL, select: (String) -> String?,
        environment: [String: String]
    ) throws -> [Placed] {
        guard let dpkgDeb = ProcessRunner.findExecutable("dpkg-deb", environment: environment) else {
            throw AssetError.toolMissing(tool: "dpkg-deb", purpose: "to unpack \(archive.lastPathComponent)")
        }
        let fm = FileManager.default
        let staging = scratch.appendingPathComponent("deb-root")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        let result = try ProcessRunner.run(
            dpkgDeb, ["-x", archive.path, staging.path], in: scratch, environment: environment,
            scratch: scratch.appendingPathComponent("out"), log: scratch.appendingPathComponent("fetch.log"))
        guard result.status == 0 else {
            throw AssetError.fetchFailed(
                asset: archive.lastPathComponent, command: "dpkg-deb -x \(archive.lastPathComponent)",
                lastLine: result.lastErrorLine, hint: "the .deb file may be damaged; delete it and fetch again")
        }
        var placed: [Placed] = []
        for relative in try regularFiles(under: staging) {
            guard let installed = select(relative) else { continue }
            let target = try SafePath.destination(of: installed, in: filesDirectory, archive: archive.lastPathComponent, entry: relative)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.moveItem(at: staging.appendingPathComponent(relative), to: target)
            placed.append(Placed(packagePath: relative, installedPath: installed))
        }
        try? fm.removeItem(at: staging)
        return placed
    }

    /// Relative paths of the regular files below `root` (symbolic links are not followed and not listed).
    static func regularFiles(under root: URL) throws -> [String] {
        let fm = FileManager.default
        var result: [String] = []
        var stack: [String] = [""]
        while let relative = stack.popLast() {
            let directory = relative.isEmpty ? root : root.appendingPathComponent(relative)
            for name in try fm.contentsOfDirectory(atPath: directory.path) {
                let child = relative.isEmpty ? name : relative + "/" + name
                let attributes = try fm.attributesOfItem(atPath: root.appendingPathComponent(child).path)
                switch attributes[.type] as? FileAttributeType {
                case .typeDirectory?: stack.append(child)
                case .typeRegular?: result.append(child)
                default: continue
                }
            }
        }
        return result.sorted()
    }
}
