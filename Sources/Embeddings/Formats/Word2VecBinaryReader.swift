import Foundation

/// Reads word2vec binary files: a text header `"<count> <dimension>\n"`, then per word the word's bytes, a space,
/// `dimension` little-endian float32 values and, in files written by word2vec.c, a newline (gensim's writer omits
/// it; both are accepted: newlines before a word are skipped). A word given twice keeps its first vector, as gensim
/// does; ``VectorSpace/warnings`` names both entries and their byte offsets.
public enum Word2VecBinaryReader {
    /// Reads the file at `url`; `limit` keeps only the first `limit` vectors; `name` defaults to the file name.
    public static func read(_ url: URL, limit: Int? = nil, name: String? = nil) throws(EmbeddingError) -> VectorSpace {
        try parse(FileBytes.read(url), source: url.path, limit: limit, name: name ?? url.lastPathComponent)
    }

    /// Parses the bytes of a word2vec binary file; `source` names it in errors.
    public static func parse(_ bytes: [UInt8], source: String, limit: Int? = nil, name: String) throws(EmbeddingError) -> VectorSpace {
        if let limit, limit < 0 { throw .invalid("\(source): limit must be non-negative, got \(limit)") }
        guard !bytes.isEmpty else { throw .malformed("\(source): empty file (no header)") }
        guard let headerEnd = bytes.firstIndex(of: 0x0A) else {
            throw .malformed("\(source): the header line '<count> <dimension>' has no newline")
        }
        let fields = bytes[..<headerEnd].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D })
        guard fields.count == 2, let count = FloatParsing.integer(fields[0]), let dimension = FloatParsing.integer(fields[1]) else {
            throw .malformed("\(source):1: expected a header '<count> <dimension>'")
        }
        guard dimension > 0 else { throw .malformed("\(source):1: header dimension must be positive") }
        let (vectorBytes, overflow) = dimension.multipliedReportingOverflow(by: 4)
        guard !overflow else { throw .malformed("\(source):1: header dimension \(dimension) too large") }
        let wanted = min(count, limit ?? count)
        // Each entry needs at least 2 + 4·dimension bytes (a word, a space, the vector): refuse impossible headers
        // before allocating.
        let available = bytes.count - headerEnd - 1
        guard wanted <= available / (vectorBytes + 2) else {
            throw .malformed("\(source): truncated: the header declares \(count) vectors of \(dimension) dimensions, the file has \(available) bytes after the header")
        }
        var words: [String] = []
        words.reserveCapacity(wanted)
        var starts: [Int] = []
        starts.reserveCapacity(wanted)
        var vectors = [Float](repeating: 0, count: wanted * dimension)
        var p = headerEnd + 1
        try bytes.withUnsafeBufferPointer { (buf: UnsafeBufferPointer<UInt8>) throws(EmbeddingError) in
            try vectors.withUnsafeMutableBufferPointer { (out: inout UnsafeMutableBufferPointer<Float>) throws(EmbeddingError) in
                let base = buf.baseAddress!
                for k in 0 ..< wanted {
                    while p < buf.count, base[p] == 0x0A { p += 1 }
                    let wordStart = p
                    while p < buf.count, base[p] != 0x20 { p += 1 }
                    guard p < buf.count else {
                        throw .malformed("\(source): truncated at byte \(wordStart): entry \(k + 1) of \(count) has no word (or no space after it)")
                    }
                    guard p > wordStart else { throw .malformed("\(source): empty word at byte \(wordStart) (entry \(k + 1))") }
                    let word = String(decoding: UnsafeBufferPointer(start: base + wordStart, count: p - wordStart), as: UTF8.self)
                    p += 1
                    guard buf.count - p >= vectorBytes else {
                        throw .malformed("\(source): truncated at byte \(p): the vector of '\(word)' (entry \(k + 1)) needs \(vectorBytes) bytes, \(buf.count - p) left")
                    }
                    let dst = UnsafeMutableRawPointer(out.baseAddress!) + k * vectorBytes
                    dst.copyMemory(from: base + p, byteCount: vectorBytes)
                    p += vectorBytes
                    words.append(word)
                    starts.append(wordStart)
                }
            }
        }
        #if _endian(big)
        for i in vectors.indices { vectors[i] = Float(bitPattern: UInt32(littleEndian: vectors[i].bitPattern)) }
        #endif
        if let bad = vectors.firstIndex(where: { !$0.isFinite }) {
            throw .malformed("\(source): the vector of '\(words[bad / dimension])' (entry \(bad / dimension + 1)) holds a non-finite value")
        }
        if (limit ?? count) >= count {
            while p < bytes.count, bytes[p] == 0x0A || bytes[p] == 0x20 || bytes[p] == 0x0D { p += 1 }
            guard p == bytes.count else {
                throw .malformed("\(source): the header declares \(count) vectors but more data follows at byte \(p)")
            }
        }
        return try VectorSpace(name: name, words: words, vectors: vectors, dimension: dimension,
                               locate: { "\(source): entry \($0 + 1) (byte \(starts[$0]))" })
    }
}
