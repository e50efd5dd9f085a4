/// Builds small Parquet files byte by byte, following the format specification (Thrift compact metadata,
/// Snappy block compression, RLE/bit-packed hybrid levels and dictionary indices), for the reader's tests.
struct ThriftCompactWriter {
    var bytes: [UInt8] = []
    private var lastIds: [Int] = [0]

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func zigzag(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    /// A field header; ids more than 15 above the previous one use the long form.
    mutating func field(_ id: Int, _ type: UInt8) {
        let delta = id - lastIds[lastIds.count - 1]
        if delta > 0, delta <= 15 {
            bytes.append(UInt8(delta << 4) | type)
        } else {
            bytes.append(type)
            zigzag(Int64(id))
        }
        lastIds[lastIds.count - 1] = id
    }

    mutating func i32(_ id: Int, _ v: Int) { field(id, 5); zigzag(Int64(v)) }
    mutating func i64(_ id: Int, _ v: Int) { field(id, 6); zigzag(Int64(v)) }
    mutating func binary(_ id: Int, _ s: String) {
        field(id, 8)
        varint(UInt64(s.utf8.count))
        bytes += Array(s.utf8)
    }
    mutating func bool(_ id: Int, _ v: Bool) { field(id, v ? 1 : 2) }
    mutating func double(_ id: Int, _ v: Double) {
        field(id, 7)
        withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 }
    }

    mutating func beginStruct(_ id: Int) {
        field(id, 12)
        lastIds.append(0)
    }

    /// Begins a struct that is a list element (no field header).
    mutating func beginElement() { lastIds.append(0) }

    mutating func endStruct() {
        bytes.append(0)
        lastIds.removeLast()
    }

    mutating func listHeader(_ id: Int, count: Int, elementType: UInt8) {
        field(id, 9)
        if count < 15 {
            bytes.append(UInt8(count << 4) | elementType)
        } else {
            bytes.append(0xF0 | elementType)
            varint(UInt64(count))
        }
    }

    /// Closes the top-level struct.
    mutating func stop() { bytes.append(0) }
}

/// A test-side Snappy compressor: greedy matches of length ≥ 4 found by brute force, emitted as 1- or 2-byte-offset
/// copies, literals otherwise (including the 1-byte extended literal length form).
enum SnappyTestEncoder {
    static func compress(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var v = UInt64(input.count)
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        out.append(UInt8(v))
        var literalStart = 0
        var i = 0
        func flushLiteral(upTo end: Int) {
            var s = literalStart
            while s < end {
                let n = min(end - s, 256)
                if n <= 60 {
                    out.append(UInt8((n - 1) << 2))
                } else {
                    out.append(60 << 2)
                    out.append(UInt8(n - 1))
                }
                out += input[s ..< s + n]
                s += n
            }
        }
        while i < input.count {
            var bestLength = 0
            var bestOffset = 0
            var j = max(0, i - 65535)
            while j < i {
                var n = 0
                while i + n < input.count, n < 64, input[j + n] == input[i + n] { n += 1 }
                if n > bestLength { bestLength = n; bestOffset = i - j }
                j += 1
            }
            if bestLength >= 4 {
                flushLiteral(upTo: i)
                if bestLength <= 11, bestOffset < 2048 {
                    out.append(UInt8((bestOffset >> 8) << 5) | UInt8((bestLength - 4) << 2) | 1)
                    out.append(UInt8(bestOffset & 0xFF))
                } else {
                    out.append(UInt8((bestLength - 1) << 2) | 2)
                    out.append(UInt8(bestOffset & 0xFF))
                    out.append(UInt8(bestOffset >> 8))
                }
                i += bestLength
                literalStart = i
            } else {
                i += 1
            }
        }
        flushLiteral(upTo: input.count)
        return out
    }
}

/// Encoders for page bodies.
enum ParquetEncoding {
    static func u32(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }

    static func varint(_ v: Int) -> [UInt8] {
        var w = ThriftCompactWriter()
        w.varint(UInt64(v))
        return w.bytes
    }

    static func plain(_ strings: [String]) -> [UInt8] {
        strings.flatMap { u32($0.utf8.count) + Array($0.utf8) }
    }

    /// An RLE run of `count` copies of `value`.
    static func run(_ value: Int, count: Int, bitWidth: Int) -> [UInt8] {
        var out = varint(count << 1)
        for k in 0 ..< (bitWidth + 7) / 8 { out.append(UInt8((value >> (8 * k)) & 0xFF)) }
        return out
    }

    /// A bit-packed run of `values` (padded with zeros to whole groups of 8), LSB first.
    static func bitPacked(_ values: [Int], bitWidth: Int) -> [UInt8] {
        let groups = (values.count + 7) / 8
        var out = varint(groups << 1 | 1)
        var padded = values
        padded += Array(repeating: 0, count: groups * 8 - values.count)
        var buffer = 0
        var bits = 0
        for v in padded {
            buffer |= v << bits
            bits += bitWidth
            while bits >= 8 {
                out.append(UInt8(buffer & 0xFF))
                buffer >>= 8
                bits -= 8
            }
        }
        if bits > 0 { out.append(UInt8(buffer & 0xFF)) }
        return out
    }
}

/// One page to write: its header fields and uncompressed body (levels included for v1).
struct FixturePage {
    enum Kind { case dictionary, dataV1, dataV2 }
    var kind: Kind
    var valueCount: Int
    var encoding: Int
    var body: [UInt8]
    /// v2 only: the uncompressed definition levels preceding the (possibly compressed) values.
    var definitionLevels: [UInt8] = []
}

/// Assembles a Parquet file with one string column.
struct ParquetFixtureBuilder {
    var columnName = "index"
    var optional = true
    var codec = 1
    /// Row groups, each a list of pages and a row count.
    var rowGroups: [(rows: Int, pages: [FixturePage])] = []
    /// Adds unknown fields of every Thrift type to the metadata (the reader must skip them).
    var unknownFields = true

    func build() -> [UInt8] {
        var file: [UInt8] = Array("PAR1".utf8)
        var chunks: [(dictionaryOffset: Int?, dataOffset: Int, compressed: Int, uncompressed: Int, values: Int)] = []
        for group in rowGroups {
            var dictionaryOffset: Int?
            var dataOffset: Int?
            let start = file.count
            var uncompressedTotal = 0
            var values = 0
            for page in group.pages {
                let offset = file.count
                var payload = page.body
                if codec == 1 { payload = SnappyTestEncoder.compress(page.body) }
                var w = ThriftCompactWriter()
                switch page.kind {
                case .dictionary:
                    dictionaryOffset = offset
                    w.i32(1, 2)
                    w.i32(2, page.body.count)
                    w.i32(3, payload.count)
                    w.beginStruct(7)
                    w.i32(1, page.valueCount)
                    w.i32(2, 0)
                    w.endStruct()
                case .dataV1:
                    if dataOffset == nil { dataOffset = offset }
                    values += page.valueCount
                    w.i32(1, 0)
                    w.i32(2, page.body.count)
                    w.i32(3, payload.count)
                    if unknownFields { w.i32(4, 0x1234) }  // crc, ignored
                    w.beginStruct(5)
                    w.i32(1, page.valueCount)
                    w.i32(2, page.encoding)
                    w.i32(3, 3)
                    w.i32(4, 3)
                    w.endStruct()
                case .dataV2:
                    if dataOffset == nil { dataOffset = offset }
                    values += page.valueCount
                    payload = page.definitionLevels + (codec == 1 ? SnappyTestEncoder.compress(page.body) : page.body)
                    w.i32(1, 3)
                    w.i32(2, page.definitionLevels.count + page.body.count)
                    w.i32(3, payload.count)
                    w.beginStruct(8)
                    w.i32(1, page.valueCount)
                    w.i32(2, 0)
                    w.i32(3, page.valueCount)
                    w.i32(4, page.encoding)
                    w.i32(5, page.definitionLevels.count)
                    w.i32(6, 0)
                    w.bool(7, codec != 0)
                    w.endStruct()
                }
                w.stop()
                uncompressedTotal += w.bytes.count + page.body.count + page.definitionLevels.count
                file += w.bytes + payload
            }
            chunks.append((dictionaryOffset, dataOffset ?? start, file.count - start, uncompressedTotal, values))
        }

        var m = ThriftCompactWriter()
        m.i32(1, 1)
        m.listHeader(2, count: 2, elementType: 12)
        m.beginElement()
        m.binary(4, "schema")
        m.i32(5, 1)
        m.endStruct()
        m.beginElement()
        m.i32(1, 6)
        m.i32(3, optional ? 1 : 0)
        m.binary(4, columnName)
        m.endStruct()
        m.i64(3, rowGroups.reduce(0) { $0 + $1.rows })
        m.listHeader(4, count: rowGroups.count, elementType: 12)
        for (g, group) in rowGroups.enumerated() {
            let c = chunks[g]
            m.beginElement()
            m.listHeader(1, count: 1, elementType: 12)
            m.beginElement()
            m.i64(2, c.dataOffset)
            m.beginStruct(3)
            m.i32(1, 6)
            m.listHeader(2, count: 2, elementType: 5)
            m.zigzag(8)
            m.zigzag(0)
            m.listHeader(3, count: 1, elementType: 8)
            m.varint(UInt64(columnName.utf8.count))
            m.bytes += Array(columnName.utf8)
            m.i32(4, codec)
            m.i64(5, c.values)
            m.i64(6, c.uncompressed)
            m.i64(7, c.compressed)
            if unknownFields {
                // key_value_metadata (list of structs) and an unknown map, double and long-form field id.
                m.listHeader(8, count: 1, elementType: 12)
                m.beginElement()
                m.binary(1, "key")
                m.binary(2, "value")
                m.endStruct()
            }
            m.i64(9, c.dataOffset)
            if let d = c.dictionaryOffset { m.i64(11, d) }
            if unknownFields {
                m.double(13, 2.5)
                m.field(40, 11)  // map<i32, binary> with one entry, long-form id
                m.varint(1)
                m.bytes.append(0x58)
                m.zigzag(7)
                m.varint(1)
                m.bytes.append(0x41)
            }
            m.endStruct()
            m.endStruct()
            m.i64(2, c.compressed)
            m.i64(3, group.rows)
            m.endStruct()
        }
        if unknownFields { m.binary(6, "parquet-fixture by ValueProbe tests") }
        m.stop()
        file += m.bytes
        file += ParquetEncoding.u32(m.bytes.count)
        file += Array("PAR1".utf8)
        return file
    }
}
