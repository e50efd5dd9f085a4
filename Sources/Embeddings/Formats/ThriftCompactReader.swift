/// A reader of the Thrift compact protocol, as far as Parquet metadata needs it.
///
/// A struct is a sequence of field headers ended by a 0 byte. A field header byte holds the field-id delta in its
/// high nibble (0: the absolute id follows as a zigzag varint) and the type in its low nibble: 1/2 boolean
/// true/false, 3 byte, 4/5/6 i16/i32/i64 (zigzag ULEB128), 7 double (8 bytes LE), 8 binary (varint length +
/// bytes), 9 list / 10 set (size in the high nibble of a header byte, 15 ⇒ varint size; element type in the low
/// nibble), 11 map, 12 struct. Every read is bounds-checked; errors name the source and the byte offset.
struct ThriftCompactReader {
    enum FieldType: UInt8 {
        case booleanTrue = 1, booleanFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7, binary = 8
        case list = 9, set = 10, map = 11, structure = 12
    }

    /// One field header: its id and type. For booleans, `type` carries the value.
    struct Field {
        let id: Int
        let type: FieldType
    }

    let bytes: [UInt8]
    /// The absolute file offset of `bytes[0]`, for error positions.
    let baseOffset: Int
    let source: String
    private(set) var position: Int
    private var lastFieldIds: [Int] = []

    init(bytes: [UInt8], position: Int = 0, baseOffset: Int = 0, source: String) {
        self.bytes = bytes
        self.position = position
        self.baseOffset = baseOffset
        self.source = source
    }

    func error(_ what: String, at offset: Int? = nil) -> EmbeddingError {
        .malformed("\(source): Thrift metadata: \(what) at byte \(baseOffset + (offset ?? position))")
    }

    mutating func byte() throws(EmbeddingError) -> UInt8 {
        guard position < bytes.count else { throw error("unexpected end of data") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func varint() throws(EmbeddingError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw error("varint longer than 10 bytes", at: start) }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func zigzag() throws(EmbeddingError) -> Int64 {
        let v = try varint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    mutating func i32() throws(EmbeddingError) -> Int {
        let start = position
        let v = try zigzag()
        guard v >= Int64(Int32.min), v <= Int64(Int32.max) else { throw error("i32 out of range", at: start) }
        return Int(v)
    }

    mutating func i64() throws(EmbeddingError) -> Int64 { try zigzag() }

    mutating func binary() throws(EmbeddingError) -> ArraySlice<UInt8> {
        let start = position
        let length = try varint()
        guard length <= UInt64(bytes.count - position) else {
            throw error("binary field of \(length) bytes runs past the end", at: start)
        }
        let n = Int(length)
        defer { position += n }
        return bytes[position ..< position + n]
    }

    mutating func string() throws(EmbeddingError) -> String {
        String(decoding: try binary(), as: UTF8.self)
    }

    /// Enters a struct: field ids restart from 0.
    mutating func beginStruct() { lastFieldIds.append(0) }

    mutating func endStruct() { _ = lastFieldIds.popLast() }

    /// The next field header, or nil at the struct's stop byte (which ends the struct).
    mutating func nextField() throws(EmbeddingError) -> Field? {
        let start = position
        let header = try byte()
        if header == 0 {
            endStruct()
            return nil
        }
        guard let type = FieldType(rawValue: header & 0x0F) else {
            throw error("unknown field type \(header & 0x0F)", at: start)
        }
        let delta = Int(header >> 4)
        let last = lastFieldIds.last ?? 0
        let id = delta == 0 ? Int(try zigzag()) : last + delta
        if !lastFieldIds.isEmpty { lastFieldIds[lastFieldIds.count - 1] = id }
        return Field(id: id, type: type)
    }

    /// A list or set header: element count and type.
    mutating func listHeader() throws(EmbeddingError) -> (count: Int, elementType: FieldType) {
        let start = position
        let header = try byte()
        guard let type = FieldType(rawValue: header & 0x0F) else {
            throw error("unknown list element type \(header & 0x0F)", at: start)
        }
        var count = UInt64(header >> 4)
        if count == 15 { count = try varint() }
        // Every element takes at least one byte except booleans, which take one too in lists.
        guard count <= UInt64(bytes.count - position) else { throw error("list of \(count) elements runs past the end", at: start) }
        return (Int(count), type)
    }

    /// Reads and discards a value of `type` (nested at most 64 deep).
    mutating func skip(_ type: FieldType, depth: Int = 0) throws(EmbeddingError) {
        guard depth < 64 else { throw error("structures nested too deeply") }
        switch type {
        case .booleanTrue, .booleanFalse: return
        case .byte: _ = try byte()
        case .i16, .i32, .i64: _ = try varint()
        case .double:
            guard bytes.count - position >= 8 else { throw error("double runs past the end") }
            position += 8
        case .binary: _ = try binary()
        case .list, .set:
            let (count, element) = try listHeader()
            for _ in 0 ..< count {
                if element == .booleanTrue || element == .booleanFalse { _ = try byte() } else { try skip(element, depth: depth + 1) }
            }
        case .map:
            let count = try varint()
            guard count <= UInt64(bytes.count - position) else { throw error("map of \(count) entries runs past the end") }
            if count == 0 { return }
            let types = try byte()
            guard let k = FieldType(rawValue: types >> 4), let v = FieldType(rawValue: types & 0x0F) else {
                throw error("unknown map key/value types")
            }
            for _ in 0 ..< count {
                try skip(k, depth: depth + 1)
                try skip(v, depth: depth + 1)
            }
        case .structure:
            beginStruct()
            while let field = try nextField() { try skip(field.type, depth: depth + 1) }
        }
    }
}
