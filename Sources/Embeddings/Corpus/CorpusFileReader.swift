import Foundation

/// Reads corpus inputs from disk: whole files as bytes, gzip-compressed ones decompressed.
enum CorpusFileReader {
    static func bytes(_ url: URL) throws(EmbeddingError) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: url, options: .mappedIfSafe))
        } catch {
            throw .io("\(url.path): cannot read (\(error.localizedDescription))")
        }
    }

    /// The file's bytes, gunzipped when they start with the gzip magic (`.gz`, dictzip `.dz`).
    static func decompressedBytes(_ url: URL) throws(EmbeddingError) -> [UInt8] {
        let raw = try bytes(url)
        if raw.count >= 2 && raw[0] == 0x1F && raw[1] == 0x8B {
            return try ZlibDecoder.gunzip(raw, label: url.path)
        }
        return raw
    }

    /// UTF-8 text of the (decompressed) file; invalid bytes become U+FFFD.
    static func text(_ url: URL) throws(EmbeddingError) -> String {
        String(decoding: try decompressedBytes(url), as: UTF8.self)
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    static func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Regular files below `url` (recursively), sorted by path; hidden names and symbolic links are skipped.
    static func regularFiles(under url: URL) throws(EmbeddingError) -> [URL] {
        guard isDirectory(url) else { return [url] }
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                                             options: [.skipsHiddenFiles]) else {
            throw .io("\(url.path): cannot list the folder")
        }
        var files: [URL] = []
        for case let file as URL in enumerator {
            let values = try? file.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            if values?.isSymbolicLink == true { continue }
            if values?.isRegularFile == true { files.append(file) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
