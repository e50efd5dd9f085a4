import Foundation

/// Writes vector spaces in word2vec's formats.
///
/// Text: header `"<count> <dimension>\n"` (omitted with `header: false`, which gives GloVe's layout), then one
/// line per word: the word and its values separated by single spaces, each value in the shortest decimal form
/// that reads back to the same `Float`. Binary: the same header, then per word its UTF-8 bytes, a space, the
/// float32 values little-endian and (as word2vec.c writes it) a newline.
public enum Word2VecWriter {
    /// Writes `space` as word2vec text (or GloVe text without the header).
    public static func writeText(_ space: VectorSpace, to url: URL, header: Bool = true) throws(EmbeddingError) {
        try FileBytes.write(textBytes(space, header: header), to: url)
    }

    /// Writes `space` as word2vec binary; `trailingNewline: false` writes gensim's variant.
    public static func writeBinary(_ space: VectorSpace, to url: URL, trailingNewline: Bool = true) throws(EmbeddingError) {
        try FileBytes.write(binaryBytes(space, trailingNewline: trailingNewline), to: url)
    }

    /// The bytes `writeText` writes.
    public static func textBytes(_ space: VectorSpace, header: Bool = true) throws(EmbeddingError) -> [UInt8] {
        try checkWords(space)
        var out: [UInt8] = []
        out.reserveCapacity(space.count * (space.dimension * 10 + 16))
        if header { out.append(contentsOf: "\(space.count) \(space.dimension)\n".utf8) }
        let d = space.dimension
        space.vectors.withUnsafeBufferPointer { v in
            for (r, word) in space.words.enumerated() {
                out.append(contentsOf: word.utf8)
                for j in 0 ..< d {
                    out.append(0x20)
                    out.append(contentsOf: v[r * d + j].description.utf8)
                }
                out.append(0x0A)
            }
        }
        return out
    }

    /// The bytes `writeBinary` writes.
    public static func binaryBytes(_ space: VectorSpace, trailingNewline: Bool = true) throws(EmbeddingError) -> [UInt8] {
        try checkWords(space)
        var out: [UInt8] = []
        let d = space.dimension
        out.reserveCapacity(space.count * (4 * d + 16) + 32)
        out.append(contentsOf: "\(space.count) \(d)\n".utf8)
        space.vectors.withUnsafeBufferPointer { v in
            for (r, word) in space.words.enumerated() {
                out.append(contentsOf: word.utf8)
                out.append(0x20)
                for j in 0 ..< d {
                    let bits = v[r * d + j].bitPattern.littleEndian
                    withUnsafeBytes(of: bits) { out.append(contentsOf: $0) }
                }
                if trailingNewline { out.append(0x0A) }
            }
        }
        return out
    }

    /// Words with white space cannot be read back from these formats.
    private static func checkWords(_ space: VectorSpace) throws(EmbeddingError) {
        if let bad = space.words.firstIndex(where: { $0.utf8.contains(where: { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) }) {
            throw .invalid("\(space.name): word \(bad) ('\(space.words[bad])') contains white space; word2vec files cannot hold it")
        }
    }
}
