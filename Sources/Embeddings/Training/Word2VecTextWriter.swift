#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes a ``VectorSpace`` in word2vec text format: a header `"<words> <dimension>\n"`, then per row the word and
/// its values separated by single spaces (each value in the shortest form that reads back to the same `Float`),
/// no trailing space. Readable by gensim's `load_word2vec_format(binary=False)` and word2vec tools.
public enum Word2VecTextWriter {
    /// Writes to a temporary file beside `url` and renames it into place.
    public static func write(_ space: VectorSpace, to url: URL) throws(EmbeddingError) {
        if let bad = space.words.firstIndex(where: { $0.contains(where: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }) }) {
            throw .invalid("\(url.path): word \(bad) ('\(space.words[bad])') contains whitespace, which the text format cannot hold")
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temporary) else {
            throw .io("\(url.path): cannot create the file")
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        buffer.append(contentsOf: "\(space.count) \(space.dimension)\n".utf8)
        let d = space.dimension
        do {
            try space.vectors.withUnsafeBufferPointer { v in
                for (row, word) in space.words.enumerated() {
                    buffer.append(contentsOf: word.utf8)
                    for k in 0 ..< d {
                        buffer.append(0x20)
                        buffer.append(contentsOf: v[row * d + k].description.utf8)
                    }
                    buffer.append(0x0A)
                    if buffer.count >= 1 << 20 {
                        try handle.write(contentsOf: buffer)
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw .io("\(url.path): write failed (\(error.localizedDescription))")
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw .io("\(url.path): cannot move the finished file into place (errno \(errno))")
        }
    }
}
