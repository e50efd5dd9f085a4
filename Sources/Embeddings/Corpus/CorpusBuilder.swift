import Assets
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Assembles normalised English training corpora (lowercase `[a-z]+(?:['-][a-z]+)*` tokens, one segment per line)
/// from the built-in Debian text packages or from the user's own files, and caches them under the asset cache.
///
/// - `<cache>/corpora/builtin-v1.txt` (+ `.json` with per-source counts): the thirteen ``BuiltinCorpusSource``s,
///   markup stripped; built once.
/// - `<cache>/corpora/user-<fingerprint>.txt`: the user's files/folders (plain text or gzip), keyed by their
///   paths, sizes and modification times.
///
/// Files are written under a temporary name and renamed into place, so a corpus is either complete or absent;
/// two processes building the same corpus at once both produce the same file.
public struct CorpusBuilder: Sendable {
    /// Version tag of the built-in corpus; changing the extraction rules must change it.
    public static let builtinVersion = "builtin-v1"

    public let store: AssetStore
    /// Remove dictionary and OSIS markup (see ``CorpusExtractor``); false reproduces the raw text counts.
    public let stripMarkup: Bool

    public init(store: AssetStore = AssetStore(), stripMarkup: Bool = true) {
        self.store = store
        self.stripMarkup = stripMarkup
    }

    /// `<cache>/corpora`.
    public var directory: URL { store.root.appendingPathComponent("corpora", isDirectory: true) }

    /// `builtin` for the built-in corpus, otherwise a file or folder path (plain text or `.gz`).
    public func corpus(_ argument: String, segmentation: CorpusSource.Segmentation = .lines,
                       progress: ((CorpusBuildProgress) -> Void)? = nil,
                       assetProgress: AssetProgressHandler? = nil) throws -> CorpusBuild {
        if argument == "builtin" { return try builtin(progress: progress, assetProgress: assetProgress) }
        return try userCorpus([URL(fileURLWithPath: argument)], segmentation: segmentation, progress: progress)
    }

    /// The built-in corpus, built on first use (fetching the packages) and reused afterwards.
    public func builtin(progress: ((CorpusBuildProgress) -> Void)? = nil,
                        assetProgress: AssetProgressHandler? = nil) throws -> CorpusBuild {
        let name = Self.builtinVersion + (stripMarkup ? "" : "-raw")
        if let cached = cached(name) { return cached }
        var sources: [CorpusSource] = []
        for builtin in BuiltinCorpusSource.all {
            sources.append(try builtin.resolve(in: store, progress: assetProgress))
        }
        return try buildCached(name, sources: sources, progress: progress)
    }

    /// A corpus from the user's files or folders (folders are read recursively, hidden files skipped).
    public func userCorpus(_ paths: [URL], segmentation: CorpusSource.Segmentation = .lines,
                           progress: ((CorpusBuildProgress) -> Void)? = nil) throws -> CorpusBuild {
        var sources: [CorpusSource] = []
        var fingerprint = SHA256()
        fingerprint.update(Array("\(Self.builtinVersion) \(segmentation.rawValue)\n".utf8))
        for path in paths {
            let url = path.standardizedFileURL
            guard CorpusFileReader.exists(url) else { throw EmbeddingError.io("\(url.path): no such file or folder") }
            for file in try CorpusFileReader.regularFiles(under: url) {
                let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
                let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
                let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                fingerprint.update(Array("\(file.path)\t\(size)\t\(modified)\n".utf8))
            }
            sources.append(CorpusSource(name: url.lastPathComponent, format: .text, url: url, segmentation: segmentation))
        }
        let name = "user-" + String(fingerprint.finalizeHex().prefix(16))
        if let cached = cached(name) { return cached }
        return try buildCached(name, sources: sources, progress: progress)
    }

    /// Extracts, normalises and writes `sources` to `url` (atomically, replacing any file there).
    /// - Returns: tokens and lines per source.
    public static func build(_ sources: [CorpusSource], to url: URL, stripMarkup: Bool = true,
                             progress: ((CorpusBuildProgress) -> Void)? = nil) throws(EmbeddingError) -> [CorpusSourceCount] {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
        let writer = try CorpusWriter(url: temporary)
        var counts: [CorpusSourceCount] = []
        do {
            for (i, source) in sources.enumerated() {
                progress?(CorpusBuildProgress(source: source.name, index: i, total: sources.count, finished: nil))
                let segments = try CorpusExtractor.segments(of: source, stripMarkup: stripMarkup)
                let (tokens, lines) = try writer.write(segments)
                let count = CorpusSourceCount(name: source.name, tokens: tokens, lines: lines)
                counts.append(count)
                progress?(CorpusBuildProgress(source: source.name, index: i, total: sources.count, finished: count))
            }
            try writer.close()
            try moveIntoPlace(temporary, url)
        } catch {
            try? writer.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return counts
    }

    private func cached(_ name: String) -> CorpusBuild? {
        let text = directory.appendingPathComponent(name + ".txt")
        let side = directory.appendingPathComponent(name + ".json")
        guard CorpusFileReader.exists(text), let data = try? Data(contentsOf: side),
              let record = try? JSONDecoder().decode(CorpusBuildRecord.self, from: data),
              record.stripMarkup == stripMarkup else { return nil }
        return CorpusBuild(url: text, sources: record.sources, reused: true)
    }

    private func buildCached(_ name: String, sources: [CorpusSource],
                             progress: ((CorpusBuildProgress) -> Void)?) throws -> CorpusBuild {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw EmbeddingError.io("\(directory.path): cannot create the corpus folder (\(error.localizedDescription))")
        }
        let text = directory.appendingPathComponent(name + ".txt")
        let side = directory.appendingPathComponent(name + ".json")
        // The side file goes first: the text file's presence marks a finished build.
        try? FileManager.default.removeItem(at: text)
        let counts = try Self.build(sources, to: text.appendingPathExtension("partial"), stripMarkup: stripMarkup, progress: progress)
        let record = CorpusBuildRecord(version: Self.builtinVersion, stripMarkup: stripMarkup, sources: counts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let sideTemporary = directory.appendingPathComponent(".\(name).json.tmp-\(UUID().uuidString)")
        do {
            try encoder.encode(record).write(to: sideTemporary)
        } catch {
            throw EmbeddingError.io("\(sideTemporary.path): cannot write (\(error.localizedDescription))")
        }
        try Self.moveIntoPlace(sideTemporary, side)
        try Self.moveIntoPlace(text.appendingPathExtension("partial"), text)
        return CorpusBuild(url: text, sources: counts, reused: false)
    }

    static func moveIntoPlace(_ from: URL, _ to: URL) throws(EmbeddingError) {
        guard rename(from.path, to.path) == 0 else {
            throw .io("\(to.path): cannot rename the finished file into place (errno \(errno))")
        }
    }
}
