import Foundation

/// Reads one string (BYTE_ARRAY) column of a Parquet file — enough for vocabularies such as GloVe's
/// `glove_6B_index.parquet` — without a Parquet library.
///
/// Supported: flat schemas; REQUIRED or OPTIONAL columns (a null value is an error); any number of row groups;
/// codecs UNCOMPRESSED and SNAPPY; DICTIONARY pages; DATA_PAGE (v1) and DATA_PAGE_V2 pages in PLAIN,
/// PLAIN_DICTIONARY or RLE_DICTIONARY encoding (dictionary fallback to PLAIN mid-column works). Anything else
/// is refused with a one-line error naming the file and byte offset.
public enum ParquetReader {
    /// The most rows a file may declare (a bound on memory for hostile files; vocabularies are far smaller).
    public static let maximumRows = 20_000_000

    /// The values of the string column `column` (the first BYTE_ARRAY column when nil), in row order.
    public static func readStringColumn(_ url: URL, column: String? = nil) throws(EmbeddingError) -> [String] {
        try stringColumn(in: FileBytes.read(url), source: url.path, column: column)
    }

    /// The string column of an in-memory Parquet file; `source` names it in errors.
    public static func stringColumn(in bytes: [UInt8], source: String, column: String? = nil) throws(EmbeddingError) -> [String] {
        let magic: [UInt8] = Array("PAR1".utf8)
        guard bytes.count >= 12, Array(bytes[0 ..< 4]) == magic else {
            throw .malformed("\(source): not a Parquet file (missing PAR1 at byte 0)")
        }
        guard Array(bytes[(bytes.count - 4)...]) == magic else {
            throw .malformed("\(source): not a complete Parquet file (missing PAR1 at byte \(bytes.count - 4); truncated?)")
        }
        let lengthOffset = bytes.count - 8
        let footerLength = Int(bytes[lengthOffset]) | Int(bytes[lengthOffset + 1]) << 8
            | Int(bytes[lengthOffset + 2]) << 16 | Int(bytes[lengthOffset + 3]) << 24
        guard footerLength <= lengthOffset - 4 else {
            throw .malformed("\(source): footer length \(footerLength) at byte \(lengthOffset) exceeds the file")
        }
        let footerStart = lengthOffset - footerLength
        var reader = ThriftCompactReader(bytes: bytes, position: footerStart, source: source)
        let metadata = try ParquetMetadata(reading: &reader)

        let leafIndex: Int
        if let column {
            guard let i = metadata.leaves.firstIndex(where: { $0.name == column }) else {
                throw .invalid("\(source): no column '\(column)' (columns: \(metadata.leaves.map(\.name).joined(separator: ", ")))")
            }
            leafIndex = i
        } else {
            guard let i = metadata.leaves.firstIndex(where: { $0.physicalType == 6 }) else {
                throw .invalid("\(source): no string (BYTE_ARRAY) column (columns: \(metadata.leaves.map(\.name).joined(separator: ", ")))")
            }
            leafIndex = i
        }
        let leaf = metadata.leaves[leafIndex]
        guard leaf.physicalType == 6 else {
            throw .invalid("\(source): column '\(leaf.name)' has physical type \(leaf.physicalType ?? -1), not BYTE_ARRAY (6)")
        }
        guard leaf.repetition != 2 else { throw .invalid("\(source): column '\(leaf.name)' is REPEATED; only flat columns are supported") }
        guard metadata.rowCount >= 0, metadata.rowCount <= Int64(maximumRows) else {
            throw .invalid("\(source): the footer declares \(metadata.rowCount) rows; this reader accepts 0…\(maximumRows)")
        }

        var values: [String] = []
        values.reserveCapacity(min(Int(metadata.rowCount), bytes.count))
        for (g, group) in metadata.rowGroups.enumerated() {
            guard leafIndex < group.columns.count, group.columns[leafIndex].hasMetadata else {
                throw .malformed("\(source): row group \(g) has no metadata for column '\(leaf.name)'")
            }
            var chunkReader = ColumnChunkReader(
                bytes: bytes, source: source, chunk: group.columns[leafIndex], optional: leaf.repetition == 1,
                rows: Int(clamping: group.rowCount), limit: footerStart)
            try chunkReader.read(into: &values)
        }
        guard values.count == metadata.rowCount else {
            throw .malformed("\(source): read \(values.count) values but the footer declares \(metadata.rowCount) rows")
        }
        return values
    }
}

/// Reads the pages of one column chunk.
private struct ColumnChunkReader {
    let bytes: [UInt8]
    let source: String
    let chunk: ParquetMetadata.ColumnChunk
    let optional: Bool
    let rows: Int
    /// Pages must end before the footer.
    let limit: Int
    var dictionary: [String]?

    init(bytes: [UInt8], source: String, chunk: ParquetMetadata.ColumnChunk, optional: Bool, rows: Int, limit: Int) {
        self.bytes = bytes
        self.source = source
        self.chunk = chunk
        self.optional = optional
        self.rows = rows
        self.limit = limit
    }

    func fail(_ what: String, at offset: Int) -> EmbeddingError {
        .malformed("\(source): \(what) at byte \(offset)")
    }

    mutating func read(into values: inout [String]) throws(EmbeddingError) {
        guard chunk.codec == 0 || chunk.codec == 1 else {
            let names = [2: "GZIP", 3: "LZO", 4: "BROTLI", 5: "LZ4", 6: "ZSTD", 7: "LZ4_RAW"]
            throw .invalid("\(source): column codec \(names[chunk.codec] ?? String(chunk.codec)) is not supported (only UNCOMPRESSED and SNAPPY)")
        }
        var position = Int(clamping: chunk.dataPageOffset)
        if let d = chunk.dictionaryPageOffset, d > 0, d < chunk.dataPageOffset { position = Int(d) }
        guard position >= 4, position < limit else { throw fail("column chunk offset \(position) outside the data area", at: position) }
        let target = values.count + rows
        while values.count < target {
            guard position < limit else {
                throw fail("column chunk ended after \(values.count) of \(target) values (next page would start in the footer)", at: position)
            }
            position = try page(at: position, into: &values, target: target)
        }
    }

    /// Reads the page whose header starts at `start`; returns the offset after its body.
    mutating func page(at start: Int, into values: inout [String], target: Int) throws(EmbeddingError) -> Int {
        var r = ThriftCompactReader(bytes: bytes, position: start, source: source)
        var type = -1
        var uncompressedSize = -1
        var compressedSize = -1
        var valueCount = 0
        var encoding = 0
        var v2 = (nulls: 0, defLength: 0, repLength: 0, compressed: true)
        r.beginStruct()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): type = try r.i32()
            case (2, .i32): uncompressedSize = try r.i32()
            case (3, .i32): compressedSize = try r.i32()
            case (5, .structure), (7, .structure):
                r.beginStruct()
                while let g = try r.nextField() {
                    switch (g.id, g.type) {
                    case (1, .i32): valueCount = try r.i32()
                    case (2, .i32): encoding = try r.i32()
                    default: try r.skip(g.type)
                    }
                }
            case (8, .structure):
                r.beginStruct()
                while let g = try r.nextField() {
                    switch (g.id, g.type) {
                    case (1, .i32): valueCount = try r.i32()
                    case (2, .i32): v2.nulls = try r.i32()
                    case (4, .i32): encoding = try r.i32()
                    case (5, .i32): v2.defLength = try r.i32()
                    case (6, .i32): v2.repLength = try r.i32()
                    case (7, .booleanTrue): v2.compressed = true
                    case (7, .booleanFalse): v2.compressed = false
                    default: try r.skip(g.type)
                    }
                }
            default: try r.skip(f.type)
            }
        }
        let bodyStart = r.position
        guard compressedSize >= 0, uncompressedSize >= 0, valueCount >= 0 else {
            throw fail("page header lacks sizes or counts", at: start)
        }
        if type == 0 || type == 3 {
            guard valueCount <= target - values.count else {
                throw fail("page of \(valueCount) values overruns the row group (\(target - values.count) rows left)", at: start)
            }
        } else if type == 2 {
            guard valueCount <= uncompressedSize / 4 else {
                throw fail("dictionary page of \(valueCount) entries cannot fit in \(uncompressedSize) bytes", at: start)
            }
        }
        guard compressedSize <= limit - bodyStart else {
            throw fail("page body of \(compressedSize) bytes runs past the data area (truncated file?)", at: bodyStart)
        }
        let body = bytes[bodyStart ..< bodyStart + compressedSize]
        let end = bodyStart + compressedSize

        switch type {
        case 2:  // DICTIONARY_PAGE
            let data = try decompress(body, uncompressedSize: uncompressedSize, at: bodyStart)
            guard encoding == 0 || encoding == 2 else { throw fail("dictionary page encoding \(encoding) is not PLAIN", at: start) }
            var strings: [String] = []
            strings.reserveCapacity(valueCount)
            _ = try plainByteArrays(data, count: valueCount, pageOffset: bodyStart, into: &strings)
            dictionary = strings
        case 0:  // DATA_PAGE v1
            let data = try decompress(body, uncompressedSize: uncompressedSize, at: bodyStart)
            var p = data.startIndex
            var nonNull = valueCount
            if optional {
                guard data.count >= 4 else { throw fail("definition levels truncated", at: bodyStart) }
                let n = Int(data[p]) | Int(data[p + 1]) << 8 | Int(data[p + 2]) << 16 | Int(data[p + 3]) << 24
                p += 4
                guard n <= data.endIndex - p else { throw fail("definition levels of \(n) bytes run past the page", at: bodyStart) }
                nonNull = try definedCount(data[p ..< p + n], count: valueCount, pageOffset: bodyStart, firstRow: values.count)
                p += n
            }
            try decodeValues(data[p...], encoding: encoding, count: nonNull, pageOffset: bodyStart, into: &values)
        case 3:  // DATA_PAGE_V2
            guard v2.repLength == 0 else { throw fail("repetition levels in a flat column", at: start) }
            guard v2.defLength >= 0, v2.defLength <= body.count else { throw fail("definition-level length \(v2.defLength) exceeds the page", at: start) }
            var nonNull = valueCount
            if optional, v2.defLength > 0 {
                nonNull = try definedCount(body.prefix(v2.defLength), count: valueCount, pageOffset: bodyStart, firstRow: values.count)
            } else if v2.nulls > 0 {
                throw fail("null value in row group at row \(values.count)", at: start)
            }
            let rest = body.dropFirst(v2.defLength)
            let data = v2.compressed
                ? try decompress(rest, uncompressedSize: uncompressedSize - v2.defLength, at: bodyStart + v2.defLength)
                : rest
            try decodeValues(data, encoding: encoding, count: nonNull, pageOffset: bodyStart + v2.defLength, into: &values)
        case 1:  // INDEX_PAGE
            break
        default:
            throw fail("unknown page type \(type)", at: start)
        }
        guard values.count <= target else {
            throw fail("pages hold more values than the row group's \(rows) rows", at: start)
        }
        return end
    }

    func decompress(_ body: ArraySlice<UInt8>, uncompressedSize: Int, at offset: Int) throws(EmbeddingError) -> ArraySlice<UInt8> {
        if chunk.codec == 0 {
            guard body.count == uncompressedSize else {
                throw fail("uncompressed page of \(body.count) bytes, header says \(uncompressedSize)", at: offset)
            }
            return body
        }
        return try SnappyDecoder.decompress(body, expectedLength: uncompressedSize, source: source, baseOffset: offset)[...]
    }

    /// The number of defined (non-null) values; any null is an error.
    func definedCount(_ levels: ArraySlice<UInt8>, count: Int, pageOffset: Int, firstRow: Int) throws(EmbeddingError) -> Int {
        let decoded = try ParquetHybridDecoder.decode(levels, bitWidth: 1, count: count, source: source, fileOffset: pageOffset)
        if let i = decoded.firstIndex(of: 0) {
            throw fail("null value at row \(firstRow + i) (a vocabulary cannot hold nulls)", at: pageOffset)
        }
        return count
    }

    func decodeValues(_ data: ArraySlice<UInt8>, encoding: Int, count: Int, pageOffset: Int, into values: inout [String]) throws(EmbeddingError) {
        switch encoding {
        case 0:
            _ = try plainByteArrays(data, count: count, pageOffset: pageOffset, into: &values)
        case 2, 8:
            guard let dictionary else { throw fail("dictionary-encoded page without a dictionary page", at: pageOffset) }
            guard let width = data.first else { throw fail("dictionary page body is empty", at: pageOffset) }
            let indices = try ParquetHybridDecoder.decode(
                data.dropFirst(), bitWidth: Int(width), count: count, source: source, fileOffset: pageOffset + 1)
            for (k, index) in indices.enumerated() {
                guard Int(index) < dictionary.count else {
                    throw fail("dictionary index \(index) of value \(k) outside the \(dictionary.count)-entry dictionary", at: pageOffset)
                }
                values.append(dictionary[Int(index)])
            }
        default:
            throw .invalid("\(source): page encoding \(encoding) at byte \(pageOffset) is not supported (PLAIN, PLAIN_DICTIONARY, RLE_DICTIONARY)")
        }
    }

    /// PLAIN byte arrays: repeated (u32 LE length, bytes).
    func plainByteArrays(_ data: ArraySlice<UInt8>, count: Int, pageOffset: Int, into values: inout [String]) throws(EmbeddingError) -> Int {
        var p = data.startIndex
        for k in 0 ..< count {
            guard data.endIndex - p >= 4 else { throw fail("PLAIN value \(k) of \(count): length truncated (page body offset \(p - data.startIndex))", at: pageOffset) }
            let n = Int(data[p]) | Int(data[p + 1]) << 8 | Int(data[p + 2]) << 16 | Int(data[p + 3]) << 24
            p += 4
            guard n <= data.endIndex - p else { throw fail("PLAIN value \(k) of \(count): \(n) bytes run past the page", at: pageOffset) }
            values.append(String(decoding: data[p ..< p + n], as: UTF8.self))
            p += n
        }
        return p
    }
}
