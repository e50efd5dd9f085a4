/// Decompresses the Snappy block format (the raw format Parquet pages use, without the framing format).
///
/// A ULEB128 varint gives the uncompressed length; elements follow, selected by the low 2 bits of a tag byte:
/// 00 literal (length − 1 in the upper 6 bits; 60–63 mean the length − 1 follows in 1–4 bytes LE), 01 copy with
/// a 1-byte offset (length 4–11 from tag bits 2–4, an 11-bit offset with tag bits 5–7 as its high bits), 10 copy
/// with a 2-byte LE offset and 11 copy with a 4-byte LE offset (length 1–64 from the upper 6 bits). Copies read
/// already produced output and may overlap it.
enum SnappyDecoder {
    /// Decompresses `input`. `expectedLength`, when given, must equal the declared length (a Parquet page header
    /// states it). `source` and `baseOffset` (the file offset of `input[0]`) place errors.
    static func decompress(
        _ input: ArraySlice<UInt8>, expectedLength: Int? = nil, source: String, baseOffset: Int
    ) throws(EmbeddingError) -> [UInt8] {
        let start = input.startIndex
        var i = start
        func fail(_ what: String) -> EmbeddingError {
            .malformed("\(source): Snappy: \(what) at byte \(baseOffset + (i - start))")
        }
        var length: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard i < input.endIndex else { throw fail("truncated length header") }
            guard shift <= 28 else { throw fail("length header longer than 5 bytes") }
            let b = input[i]
            i += 1
            length |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { break }
            shift += 7
        }
        guard length <= UInt64(UInt32.max) else { throw fail("declared length \(length) too large") }
        let total = Int(length)
        if let expectedLength, expectedLength != total {
            throw fail("declares \(total) uncompressed bytes, the page header says \(expectedLength)")
        }
        // Worst case expansion is bounded: a copy element of 2 bytes yields at most 64 bytes.
        guard total <= (input.count + 1) * 64 else { throw fail("declared length \(total) impossible for \(input.count) input bytes") }

        var out = [UInt8](repeating: 0, count: total)
        var o = 0
        try out.withUnsafeMutableBufferPointer { (dst: inout UnsafeMutableBufferPointer<UInt8>) throws(EmbeddingError) in
            while i < input.endIndex {
                let tag = input[i]
                i += 1
                switch tag & 3 {
                case 0:
                    var n = Int(tag >> 2)
                    if n >= 60 {
                        let extra = n - 59
                        guard input.endIndex - i >= extra else { throw fail("truncated literal length") }
                        n = 0
                        for k in 0 ..< extra { n |= Int(input[i + k]) << (8 * k) }
                        i += extra
                    }
                    n += 1
                    guard input.endIndex - i >= n else { throw fail("literal of \(n) bytes runs past the input") }
                    guard total - o >= n else { throw fail("literal overflows the declared length \(total)") }
                    for k in 0 ..< n { dst[o + k] = input[i + k] }
                    i += n
                    o += n
                default:
                    let n: Int
                    let offset: Int
                    switch tag & 3 {
                    case 1:
                        guard i < input.endIndex else { throw fail("truncated copy") }
                        n = 4 + Int((tag >> 2) & 7)
                        offset = Int(tag >> 5) << 8 | Int(input[i])
                        i += 1
                    case 2:
                        guard input.endIndex - i >= 2 else { throw fail("truncated copy") }
                        n = 1 + Int(tag >> 2)
                        offset = Int(input[i]) | Int(input[i + 1]) << 8
                        i += 2
                    default:
                        guard input.endIndex - i >= 4 else { throw fail("truncated copy") }
                        n = 1 + Int(tag >> 2)
                        offset = Int(input[i]) | Int(input[i + 1]) << 8 | Int(input[i + 2]) << 16 | Int(input[i + 3]) << 24
                        i += 4
                    }
                    guard offset > 0, offset <= o else { throw fail("copy offset \(offset) outside the \(o) bytes produced") }
                    guard total - o >= n else { throw fail("copy overflows the declared length \(total)") }
                    for k in 0 ..< n { dst[o + k] = dst[o - offset + k] }
                    o += n
                }
            }
        }
        guard o == total else { throw fail("produced \(o) bytes, \(total) declared") }
        return out
    }
}
