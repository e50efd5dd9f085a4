/// Decodes Parquet's RLE / bit-packed hybrid encoding (dictionary indices, definition levels).
///
/// Repeatedly: a ULEB128 header; low bit 1 ⇒ `(header >> 1)` groups of 8 values follow, each `bitWidth` bits,
/// least-significant bit first; low bit 0 ⇒ a run of `(header >> 1)` copies of one value stored in
/// ⌈bitWidth/8⌉ bytes LE.
enum ParquetHybridDecoder {
    /// Decodes `count` values from `bytes` (a slice of a page). Extra values in the last bit-packed group are
    /// ignored. `fileOffset` maps `bytes.startIndex` to a position for errors.
    static func decode(
        _ bytes: ArraySlice<UInt8>, bitWidth: Int, count: Int, source: String, fileOffset: Int
    ) throws(EmbeddingError) -> [UInt32] {
        var i = bytes.startIndex
        func fail(_ what: String) -> EmbeddingError {
            .malformed("\(source): RLE/bit-packed data: \(what) at page byte \(fileOffset + (i - bytes.startIndex))")
        }
        guard (0 ... 32).contains(bitWidth) else { throw fail("bit width \(bitWidth) outside 0…32") }
        var out: [UInt32] = []
        out.reserveCapacity(count)
        if bitWidth == 0 { return [UInt32](repeating: 0, count: count) }
        let mask: UInt64 = bitWidth == 32 ? 0xFFFF_FFFF : (1 << UInt64(bitWidth)) - 1
        while out.count < count {
            var header: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard i < bytes.endIndex else { throw fail("ran out of data after \(out.count) of \(count) values") }
                guard shift < 35 else { throw fail("run header longer than 5 bytes") }
                let b = bytes[i]
                i += 1
                header |= UInt64(b & 0x7F) << shift
                if b & 0x80 == 0 { break }
                shift += 7
            }
            if header & 1 == 1 {
                let groups = Int(header >> 1)
                let byteCount = groups * bitWidth  // groups of 8 values × bitWidth bits = bitWidth bytes per group
                guard bytes.endIndex - i >= byteCount else { throw fail("bit-packed run of \(groups) groups runs past the page") }
                let values = groups * 8
                var buffer: UInt64 = 0
                var bits = 0
                var p = i
                for _ in 0 ..< values {
                    while bits < bitWidth {
                        buffer |= UInt64(bytes[p]) << UInt64(bits)
                        p += 1
                        bits += 8
                    }
                    if out.count < count { out.append(UInt32(buffer & mask)) }
                    buffer >>= UInt64(bitWidth)
                    bits -= bitWidth
                }
                i += byteCount
            } else {
                let run = Int(header >> 1)
                let width = (bitWidth + 7) / 8
                guard bytes.endIndex - i >= width else { throw fail("RLE run value runs past the page") }
                var value: UInt32 = 0
                for k in 0 ..< width { value |= UInt32(bytes[i + k]) << UInt32(8 * k) }
                i += width
                guard UInt64(value) <= mask else { throw fail("RLE value \(value) wider than \(bitWidth) bits") }
                let n = min(run, count - out.count)
                out.append(contentsOf: repeatElement(value, count: n))
            }
        }
        return out
    }
}
