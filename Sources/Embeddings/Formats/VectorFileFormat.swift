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
    /// Files ValueProbe does not read are named as what they are, with how to convert them, instead of failing
    /// later on a "number" that is really binary data: gensim's native `KeyedVectors.save` / `Word2Vec.save` files
    /// (Python pickles, any protocol), NumPy `.npz`, HDF5, compressed files (gzip, bzip2, xz, zstd), GGUF models,
    /// safetensors, and any other binary content where a text format would be read.
    public static func detect(_ url: URL) throws(EmbeddingError) -> VectorFileFormat {
        let head = try prefix(of: url, bytes: 4096)
        let format: VectorFileFormat
        switch url.pathExtension.lowercased() {
        case "bin": format = .word2vecBinary
        case "vec": format = .fastTextVec
        case "npy": format = .npy
        default: format = sniff(head)
        }
        try check(head: head, of: url, as: format)
        return format
    }

    /// Throws a one-line error naming the file and what it really is when `url` is not a file of `format`
    /// (see ``detect(_:)``); also used when the format is given explicitly (`glove-text:PATH`).
    public static func check(_ url: URL, as format: VectorFileFormat) throws(EmbeddingError) {
        try check(head: prefix(of: url, bytes: 4096), of: url, as: format)
    }

    private static func check(head: [UInt8], of url: URL, as format: VectorFileFormat) throws(EmbeddingError) {
        if let unsupported = unsupported(head: head, extension: url.pathExtension.lowercased()) {
            throw .malformed("\(url.path): \(unsupported)")
        }
        if format != .word2vecBinary && format != .npy, let offset = binaryOffset(head) {
            throw .malformed("\(url.path): binary data at byte \(offset) where \(format.rawValue) text was expected: not a vector "
                + "format ValueProbe reads (it reads word2vec text and binary, GloVe text, fastText .vec and NumPy .npy "
                + "with a vocabulary file)")
        }
    }

    /// Why a file starting with `head` is not a vector file ValueProbe reads, or nil when it may be one.
    static func unsupported(head: [UInt8], extension ext: String) -> String? {
        let conversion = "save the vectors with gensim's KeyedVectors.save_word2vec_format(PATH, binary=True) and load that file"
        if isPickle(head, extension: ext) {
            if contains(head, "gensim") {
                return "looks like a gensim native KeyedVectors pickle (KeyedVectors.save / Word2Vec.save), which "
                    + "ValueProbe does not read; save it with model.wv.save_word2vec_format(PATH, binary=True) and load that file"
            }
            return "a Python pickle (gensim's KeyedVectors.save / Word2Vec.save format) is not a vector format ValueProbe reads; " + conversion
        }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "a zip archive (NumPy .npz?) is not a vector format ValueProbe reads; unzip it or save a single .npy matrix with a vocabulary file"
        }
        if head.starts(with: [0x89, 0x48, 0x44, 0x46]) {
            return "an HDF5 file is not a vector format ValueProbe reads; " + conversion
        }
        let compressed: [([UInt8], String, String)] = [
            ([0x1F, 0x8B], "gzip", "gunzip"), ([0x42, 0x5A, 0x68], "bzip2", "bunzip2"),
            ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz", "unxz"), ([0x28, 0xB5, 0x2F, 0xFD], "zstd", "unzstd"),
        ]
        for (magic, name, tool) in compressed where head.starts(with: magic) {
            return "compressed with \(name); ValueProbe reads vector files uncompressed: decompress it first (\(tool) FILE)"
        }
        if head.starts(with: Array("GGUF".utf8)) {
            return "a GGUF model file, not a vector file; for a model's token embeddings use the space tokens:MODELSPEC"
        }
        if isSafetensors(head) {
            return "a safetensors file is not a vector format ValueProbe reads; save the matrix as .npy with a vocabulary file"
        }
        return nil
    }

    /// A Python pickle: protocol 2–5 (`0x80 N`), or protocol 0/1 as gensim's older `save` wrote it (a `c` global
    /// opcode naming `copy_reg` or a gensim class first), or `0x80` with a pickle file extension.
    private static func isPickle(_ head: [UInt8], extension ext: String) -> Bool {
        if head.count >= 2, head[0] == 0x80, (2...5).contains(head[1]) || ["kv", "model", "pkl", "pickle"].contains(ext) {
            return true
        }
        return head.starts(with: Array("ccopy_reg\n_reconstructor\n".utf8)) || head.starts(with: Array("cgensim.".utf8))
    }

    /// safetensors: an 8-byte little-endian header length, then the JSON header starting with `{"`.
    private static func isSafetensors(_ head: [UInt8]) -> Bool {
        guard head.count >= 10, head[8] == UInt8(ascii: "{"), head[9] == UInt8(ascii: "\"") else { return false }
        let length = head[0 ..< 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return length > 0 && length < 100_000_000
    }

    /// Where binary data starts in a sample that should be text: the first NUL byte, or the first C0 control byte
    /// (but tab, newline, vertical tab, form feed and carriage return) when there are many of them (at least 8 and
    /// 0.5 % of the sample); nil when the sample looks like text. A stray control character in a word is tolerated,
    /// and so is invalid UTF-8: the text readers accept it (words in legacy encodings).
    static func binaryOffset(_ head: [UInt8]) -> Int? {
        if let nul = head.firstIndex(of: 0) { return nul }
        let isControl: (UInt8) -> Bool = { $0 < 0x20 && ![0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains($0) }
        let controls = head.reduce(0) { $0 + (isControl($1) ? 1 : 0) }
        guard controls >= max(8, head.count / 200) else { return nil }
        return head.firstIndex(where: isControl)
    }

    private static func contains(_ head: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard head.count >= needle.count else { return false }
        return (0 ... head.count - needle.count).contains { head[$0 ..< $0 + needle.count].elementsEqual(needle) }
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
