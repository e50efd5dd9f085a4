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
    ///
    /// Files ValueProbe does not read — a gensim `KeyedVectors.save` file (a Python pickle), NumPy `.npz`, HDF5 —
    /// are named as such in the error, with how to convert them.
    public static func detect(_ url: URL) throws(EmbeddingError) -> VectorFileFormat {
        let head = try prefix(of: url, bytes: 4096)
        if let unsupported = unsupported(head: head, extension: url.pathExtension.lowercased()) {
            throw .malformed("\(url.path): \(unsupported)")
        }
        switch url.pathExtension.lowercased() {
        case "bin": return .word2vecBinary
        case "vec": return .fastTextVec
        case "npy": return .npy
        default: return sniff(head)
        }
    }

    /// Why a file starting with `head` is not a vector file ValueProbe reads, or nil when it may be one.
    static func unsupported(head: [UInt8], extension ext: String) -> String? {
        let conversion = "save the vectors with gensim's KeyedVectors.save_word2vec_format(PATH, binary=True) and load that file"
        if head.count >= 2, head[0] == 0x80, (2...5).contains(head[1]) || ["kv", "model", "pkl", "pickle"].contains(ext) {
            return "a Python pickle (gensim's KeyedVectors.save / Word2Vec.save format) is not a vector format ValueProbe reads; " + conversion
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "a zip archive (NumPy .npz?) is not a vector format ValueProbe reads; unzip it or save a single .npy matrix with a vocabulary file"
        }
        if head.starts(with: [0x89, 0x48, 0x44, 0x46]) {
            return "an HDF5 file is not a vector format ValueProbe reads; " + conversion
        }
        return nil
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
