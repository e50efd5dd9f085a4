/// The part of a Parquet footer (`FileMetaData`) needed to read flat columns: the schema leaves and, per row
/// group, each column chunk's codec and page offsets.
///
/// Field ids (parquet.thrift): FileMetaData 2 schema, 3 num_rows, 4 row_groups; SchemaElement 1 type,
/// 3 repetition_type, 4 name, 5 num_children; RowGroup 1 columns, 3 num_rows; ColumnChunk 3 meta_data;
/// ColumnMetaData 1 type, 3 path_in_schema, 4 codec, 5 num_values, 7 total_compressed_size,
/// 9 data_page_offset, 11 dictionary_page_offset.
struct ParquetMetadata {
    struct SchemaLeaf {
        var name: String
        /// Physical type: 0 BOOLEAN, 1 INT32, 2 INT64, 3 INT96, 4 FLOAT, 5 DOUBLE, 6 BYTE_ARRAY, 7 FIXED_LEN_BYTE_ARRAY.
        var physicalType: Int?
        /// 0 REQUIRED, 1 OPTIONAL, 2 REPEATED.
        var repetition: Int
    }

    struct ColumnChunk {
        var path: [String] = []
        var physicalType = -1
        var codec = 0
        var valueCount: Int64 = 0
        var totalCompressedSize: Int64 = 0
        var dataPageOffset: Int64 = -1
        var dictionaryPageOffset: Int64?
        var hasMetadata = false
    }

    struct RowGroup {
        var rowCount: Int64 = 0
        var columns: [ColumnChunk] = []
    }

    var rowCount: Int64 = 0
    var leaves: [SchemaLeaf] = []
    var rowGroups: [RowGroup] = []

    /// Parses the footer `reader` is positioned on.
    init(reading reader: inout ThriftCompactReader) throws(EmbeddingError) {
        reader.beginStruct()
        var sawRows = false
        while let field = try reader.nextField() {
            switch (field.id, field.type) {
            case (2, .list):
                let (n, type) = try reader.listHeader()
                guard type == .structure else { throw reader.error("schema list of non-structs") }
                var elements: [(name: String, type: Int?, repetition: Int, children: Int)] = []
                for _ in 0 ..< n { elements.append(try Self.schemaElement(&reader)) }
                leaves = elements.dropFirst().filter { $0.children == 0 }.map {
                    SchemaLeaf(name: $0.name, physicalType: $0.type, repetition: $0.repetition)
                }
            case (3, .i64):
                rowCount = try reader.i64()
                sawRows = true
            case (4, .list):
                let (n, type) = try reader.listHeader()
                guard type == .structure else { throw reader.error("row-group list of non-structs") }
                for _ in 0 ..< n { rowGroups.append(try Self.rowGroup(&reader)) }
            default:
                try reader.skip(field.type)
            }
        }
        guard sawRows, rowCount >= 0 else { throw reader.error("footer lacks a valid num_rows") }
    }

    private static func schemaElement(_ r: inout ThriftCompactReader) throws(EmbeddingError) -> (name: String, type: Int?, repetition: Int, children: Int) {
        r.beginStruct()
        var name = ""
        var type: Int?
        var repetition = 0
        var children = 0
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): type = try r.i32()
            case (3, .i32): repetition = try r.i32()
            case (4, .binary): name = try r.string()
            case (5, .i32): children = try r.i32()
            default: try r.skip(f.type)
            }
        }
        return (name, type, repetition, children)
    }

    private static func rowGroup(_ r: inout ThriftCompactReader) throws(EmbeddingError) -> RowGroup {
        r.beginStruct()
        var group = RowGroup()
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .list):
                let (n, type) = try r.listHeader()
                guard type == .structure else { throw r.error("column-chunk list of non-structs") }
                for _ in 0 ..< n { group.columns.append(try columnChunk(&r)) }
            case (3, .i64): group.rowCount = try r.i64()
            default: try r.skip(f.type)
            }
        }
        return group
    }

    private static func columnChunk(_ r: inout ThriftCompactReader) throws(EmbeddingError) -> ColumnChunk {
        r.beginStruct()
        var chunk = ColumnChunk()
        while let f = try r.nextField() {
            if f.id == 3, f.type == .structure {
                chunk.hasMetadata = true
                r.beginStruct()
                while let g = try r.nextField() {
                    switch (g.id, g.type) {
                    case (1, .i32): chunk.physicalType = try r.i32()
                    case (3, .list):
                        let (n, type) = try r.listHeader()
                        guard type == .binary else { throw r.error("path_in_schema of non-strings") }
                        for _ in 0 ..< n { chunk.path.append(try r.string()) }
                    case (4, .i32): chunk.codec = try r.i32()
                    case (5, .i64): chunk.valueCount = try r.i64()
                    case (7, .i64): chunk.totalCompressedSize = try r.i64()
                    case (9, .i64): chunk.dataPageOffset = try r.i64()
                    case (11, .i64): chunk.dictionaryPageOffset = try r.i64()
                    default: try r.skip(g.type)
                    }
                }
            } else {
                try r.skip(f.type)
            }
        }
        return chunk
    }
}
