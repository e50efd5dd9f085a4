import Foundation

/// Package files a user placed in the store's `downloads` directory by hand (for machines without network):
/// a wheel or sdist named `NAME-VERSION…` for Python packages, `NAME_VERSION_ARCH.deb` for Debian ones.
enum DropIn {
    /// Whether a file name is a package file for `source`.
    static func matches(fileName: String, source: AssetSource) -> Bool {
        switch source {
        case let .pip(name, version, _):
            let wantsSdist = source.wantsSourceDistribution
            if fileName.hasSuffix(".whl") && !wantsSdist {
                let parts = fileName.dropLast(4).split(separator: "-", omittingEmptySubsequences: false)
                return parts.count >= 5 && normalize(String(parts[0])) == normalize(name) && parts[1] == version
            }
            for suffix in [".tar.gz", ".zip"] where fileName.hasSuffix(suffix) && wantsSdist {
                let stem = fileName.dropLast(suffix.count)
                guard let dash = stem.lastIndex(of: "-") else { return false }
                return normalize(String(stem[..<dash])) == normalize(name) && stem[stem.index(after: dash)...] == version
            }
            return false
        case let .apt(name):
            return fileName.hasPrefix(name + "_") && fileName.hasSuffix(".deb")
        }
    }

    /// The first matching file in `directory`, if any.
    static func find(in directory: URL, source: AssetSource) -> URL? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return nil }
        return names.sorted().first { matches(fileName: $0, source: source) }.map { directory.appendingPathComponent($0) }
    }

    /// What a user should copy into the directory, in words.
    static func expectation(for source: AssetSource) -> String {
        switch source {
        case let .pip(name, version, _):
            return source.wantsSourceDistribution
                ? "the sdist of \(name)==\(version) (\(name)-\(version).tar.gz)"
                : "the wheel of \(name)==\(version) (\(normalize(name).replacingOccurrences(of: "-", with: "_"))-\(version)-*.whl)"
        case let .apt(name):
            return "the Debian package \(name) (\(name)_*.deb)"
        }
    }

    /// Python package name normalisation: lower case, runs of `-`, `_`, `.` become `-`.
    static func normalize(_ name: String) -> String {
        var out = ""
        var lastWasSeparator = false
        for c in name.lowercased() {
            if c == "-" || c == "_" || c == "." {
                if !lastWasSeparator { out.append("-") }
                lastWasSeparator = true
            } else {
                out.append(c)
                lastWasSeparator = false
            }
        }
        return out
    }

    /// The version in a Debian package file name (`NAME_VERSION_ARCH.deb`, `%3a` for the epoch colon).
    static func debianVersion(fileName: String) -> String? {
        guard fileName.hasSuffix(".deb") else { return nil }
        let parts = fileName.dropLast(4).split(separator: "_")
        guard parts.count == 3 else { return nil }
        return String(parts[1]).removingPercentEncoding ?? String(parts[1])
    }
}
