import Foundation

/// The vector-file formats ValueProbe reads, and how a file's format is recognised.
public enum VectorFileFormat: String, Sendable, CaseIterable, Codable {
    /// word2vec text: `"<count> <dimension>"` header, then `word v1 … vd` lines.
    case word2vecText = "word2vec-text"
    /// word2vec binary: the text header, then `word`, a space, float32 LE values (and maybe a newline).
    case word2vecBinary = "word2vec-binary"
    /// GloVe text: `word v1 … vd` lines without a header.
    case gloveText = "glove-text"
    /// fastText `.vec`: word2vec text.
    case fastTextVec = "fasttext-vec"
    /// A NumPy `.npy` matrix plus a vocabulary file (one word per line, or a Parquet string column).
    case npy

    /// The format by extension, then by content: `.bin` binary, `.vec` fastText, `.npy` NumPy; other files
    /// (`.txt`, no extension, …) are sniffed: the NPY magic ⇒ npy; a first line of two integers followed by
    /// a word and decimal numbers ⇒ word2vec text, a word and anything else ⇒ word2vec
    /// binary; otherwise GloVe text.
    public static func detect(_ url: URL) throws(EmbeddingError) -> VectorFileFormat {
        switch url.pathExtension.lowercased() {
        case "bin": return .word2vecBinary
        case "vec": return .fastTextVec
        case "npy": return .npy
        default: break
        }
        let head = try prefix(of: url, bytes: 4096)
        return sniff(head)
    }

    /// The format of a file starting with `head` (see ``detect(_:)``).
    public static func sniff(_ head: [UInt8]) -> VectorFileFormat {
        if head.starts(with: [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]) { return .npy }
        guard let newline = head.firstIndex(of: 0x0A) else { return .gloveText }
        let fields = head[..<newline].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
        guard fields.count == 2, FloatParsing.integer(fields[0]) != nil, FloatParsing.integer(fields[1]) != nil else {
            return .gloveText
        }
        // After the header: a word, a space, then either decimal numbers (text) or raw float32 bytes (binary).
        let rest = head[(newline + 1)...]
        guard let space = rest.firstIndex(of: 0x20) else { return .word2vecText }
        var line = rest[(space + 1)...]
        let end = line.firstIndex(of: 0x0A)
        let complete = end != nil
        if let end { line = line[..<end] }
        var tokens = line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
        if !complete, !tokens.isEmpty { tokens.removeLast() }  // may be cut off by the sample
        let numeric = !tokens.isEmpty && tokens.allSatisfy { token in
            token.withUnsafeBufferPointer { FloatParsing.float($0.baseAddress!, count: $0.count) != nil }
        }
        return numeric ? .word2vecText : .word2vecBinary
    }

    private static func prefix(of url: URL, bytes n: Int) throws(EmbeddingError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw .io("\(url.path): cannot open") }
        defer { try? handle.close() }
        do {
            return [UInt8](try handle.read(upToCount: n) ?? Data())
        } catch {
            throw .io("\(url.path): cannot read (\(error.localizedDescription))")
        }
    }
}
