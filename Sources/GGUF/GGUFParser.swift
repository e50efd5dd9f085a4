/// Reads the GGUF header, metadata and tensor infos, making the reference reader's checks.
enum GGUFParser {
    struct Result {
        var version: UInt32
        var metadata: GGUFMetadata
        var tensors: [GGUFTensorInfo]
        var alignment: Int
        var dataOffset: Int
    }

    static let magic: UInt32 = 0x4655_4747  // "GGUF" read as a little-endian u32
    static let maxNameLength = 64
    static let maxDimensions = 4

    static func parse(_ bytes: UnsafeRawBufferPointer, source: String) throws(GGUFError) -> Result {
        var c = ByteCursor(bytes: bytes, source: source)
        guard bytes.count >= 4 else {
            throw c.error("not a GGUF file: \(bytes.count) bytes, too short for the magic", at: 0)
        }
        let m = try c.read(UInt32.self, "magic")
        guard m == magic else {
            throw c.error("not a GGUF file: magic is \(hex(m)), expected 47 47 55 46 (\"GGUF\")", at: 0)
        }
        let version = try c.read(UInt32.self, "version")
        if version & 0xFFFF == 0 && version != 0 {
            throw c.error("version \(version) looks byte-swapped: big-endian GGUF files are not supported", at: 4)
        }
        guard version == 2 || version == 3 else {
            throw c.error("unsupported GGUF version \(version) (supported: 2, 3)", at: 4)
        }
        let tensorCount = try c.readCount("tensor count", minElementSize: 33, limit: UInt64(Int32.max))
        let kvCount = try c.readCount("metadata count", minElementSize: 13, limit: UInt64(Int32.max))

        var metadata = GGUFMetadata(source: source)
        for i in 0 ..< kvCount {
            let keyStart = c.position
            let key = try c.readString("key of metadata entry \(i)")
            guard !key.isEmpty else { throw c.error("metadata entry \(i) has an empty key", at: keyStart) }
            guard !metadata.contains(key) else { throw c.error("duplicate metadata key '\(key)'", at: keyStart) }
            let typeStart = c.position
            let rawType = try c.read(UInt32.self, "type of '\(key)'")
            guard let type = GGUFValueType(rawValue: rawType) else {
                throw c.error("metadata key '\(key)' has invalid value type \(rawType)", at: typeStart)
            }
            metadata[key] = try readValue(&c, type: type, key: key)
        }

        var alignment = 32
        if let a = metadata["general.alignment"] {
            guard case .uint32(let v) = a, v > 0, v & (v - 1) == 0 else {
                throw GGUFError(path: source, offset: nil,
                                message: "general.alignment must be a non-zero power of two stored as u32, found \(a)")
            }
            alignment = Int(v)
        }

        var tensors: [GGUFTensorInfo] = []
        tensors.reserveCapacity(tensorCount)
        var names = Set<String>()
        for i in 0 ..< tensorCount {
            let start = c.position
            let name = try c.readString("name of tensor \(i)")
            guard name.utf8.count < maxNameLength else {
                throw c.error("tensor \(i) name is \(name.utf8.count) bytes, the limit is \(maxNameLength - 1)", at: start)
            }
            guard names.insert(name).inserted else { throw c.error("duplicate tensor name '\(name)'", at: start) }
            let dimsStart = c.position
            let nDims = Int(try c.read(UInt32.self, "dimension count of '\(name)'"))
            guard nDims <= maxDimensions else {
                throw c.error("tensor '\(name)' has \(nDims) dimensions, at most \(maxDimensions) allowed", at: dimsStart)
            }
            var dims: [Int] = []
            var elements = 1
            for d in 0 ..< nDims {
                let at = c.position
                let ne = try c.read(UInt64.self, "dimension \(d) of '\(name)'")
                guard ne <= UInt64(Int64.max) else { throw c.error("tensor '\(name)' dimension \(d) is negative", at: at) }
                let (p, overflow) = elements.multipliedReportingOverflow(by: Int(ne))
                guard !overflow else { throw c.error("tensor '\(name)' element count overflows", at: at) }
                elements = p
                dims.append(Int(ne))
            }
            if dims.isEmpty { dims = [1] }
            let typeAt = c.position
            let rawType = try c.read(UInt32.self, "type of '\(name)'")
            let type = GGMLType(rawValue: rawType)
            guard rawType < GGMLType.count, type.isKnown else {
                throw c.error("tensor '\(name)' has invalid ggml type \(rawType)", at: typeAt)
            }
            guard dims[0] % type.blockElements == 0 else {
                throw c.error("tensor '\(name)' row length \(dims[0]) is not a multiple of the \(type.name) block size \(type.blockElements)", at: dimsStart)
            }
            guard let rowBytes = type.byteCount(elements: dims[0]) else {
                throw c.error("tensor '\(name)' size overflows", at: dimsStart)
            }
            let (bytesTotal, overflow) = rowBytes.multipliedReportingOverflow(by: elements / max(dims[0], 1))
            guard !overflow else { throw c.error("tensor '\(name)' size overflows", at: dimsStart) }
            let offAt = c.position
            let off = try c.read(UInt64.self, "offset of '\(name)'")
            guard off <= UInt64(Int64.max), Int(off) % alignment == 0 else {
                throw c.error("tensor '\(name)' offset \(off) is not a multiple of the alignment \(alignment)", at: offAt)
            }
            tensors.append(GGUFTensorInfo(name: name, dimensions: dims, type: type, offset: Int(off),
                                          byteCount: dims[0] == 0 ? 0 : bytesTotal))
        }

        let infosEnd = c.position
        let dataOffset = infosEnd + (alignment - infosEnd % alignment) % alignment
        guard tensors.isEmpty || dataOffset <= bytes.count else {
            throw GGUFError(path: source, offset: infosEnd,
                            message: "file truncated: data section should start at byte \(dataOffset), file has \(bytes.count) bytes")
        }
        let dataSize = bytes.count - dataOffset
        // Every tensor within the data section, none overlapping another.
        for t in tensors {
            let (end, overflow) = t.offset.addingReportingOverflow(t.byteCount)
            guard !overflow, end <= dataSize else {
                throw GGUFError(path: source, offset: dataOffset + t.offset,
                                message: "file truncated: tensor '\(t.name)' needs \(t.byteCount) bytes at data offset \(t.offset), data section has \(dataSize)")
            }
        }
        let sorted = tensors.filter { $0.byteCount > 0 }.sorted { $0.offset < $1.offset }
        for (a, b) in zip(sorted, sorted.dropFirst()) where a.offset + a.byteCount > b.offset {
            throw GGUFError(path: source, offset: dataOffset + b.offset,
                            message: "tensors '\(a.name)' and '\(b.name)' overlap")
        }
        return Result(version: version, metadata: metadata, tensors: tensors, alignment: alignment, dataOffset: dataOffset)
    }

    private static func readValue(_ c: inout ByteCursor, type: GGUFValueType, key: String) throws(GGUFError) -> GGUFValue {
        let what = "value of '\(key)'"
        switch type {
        case .uint8: return .uint8(try c.read(UInt8.self, what))
        case .int8: return .int8(try c.read(Int8.self, what))
        case .uint16: return .uint16(try c.read(UInt16.self, what))
        case .int16: return .int16(try c.read(Int16.self, what))
        case .uint32: return .uint32(try c.read(UInt32.self, what))
        case .int32: return .int32(try c.read(Int32.self, what))
        case .float32: return .float32(try c.readFloat(what))
        case .bool: return .bool(try c.read(UInt8.self, what) != 0)
        case .string: return .string(try c.readString(what))
        case .uint64: return .uint64(try c.read(UInt64.self, what))
        case .int64: return .int64(try c.read(Int64.self, what))
        case .float64: return .float64(try c.readDouble(what))
        case .array:
            let at = c.position
            let rawElem = try c.read(UInt32.self, "element type of '\(key)'")
            guard let elem = GGUFValueType(rawValue: rawElem) else {
                throw c.error("array '\(key)' has invalid element type \(rawElem)", at: at)
            }
            guard elem != .array else { throw c.error("array '\(key)' contains arrays (nested arrays are not allowed)", at: at) }
            let n = try c.readCount("element count of '\(key)'", minElementSize: elem.fixedSize ?? 8, limit: 1 << 30)
            return .array(try readArray(&c, elem: elem, count: n, key: key))
        }
    }

    private static func readArray(_ c: inout ByteCursor, elem: GGUFValueType, count n: Int, key: String) throws(GGUFError) -> GGUFArray {
        let what = "element of '\(key)'"
        switch elem {
        case .string:
            var a: [String] = []
            a.reserveCapacity(n)
            for _ in 0 ..< n { a.append(try c.readString(what)) }
            return .strings(a)
        case .float32:
            var a: [Float] = []
            a.reserveCapacity(n)
            for _ in 0 ..< n { a.append(try c.readFloat(what)) }
            return .floats(a)
        case .float64:
            var a: [Double] = []
            a.reserveCapacity(n)
            for _ in 0 ..< n { a.append(try c.readDouble(what)) }
            return .doubles(a)
        case .bool:
            var a: [Bool] = []
            a.reserveCapacity(n)
            for _ in 0 ..< n { a.append(try c.read(UInt8.self, what) != 0) }
            return .bools(a)
        case .uint8, .int8, .uint16, .int16, .uint32, .int32, .int64:
            var a: [Int64] = []
            a.reserveCapacity(n)
            for _ in 0 ..< n {
                let v: Int64 = switch elem {
                case .uint8: Int64(try c.read(UInt8.self, what))
                case .int8: Int64(try c.read(Int8.self, what))
                case .uint16: Int64(try c.read(UInt16.self, what))
                case .int16: Int64(try c.read(Int16.self, what))
                case .uint32: Int64(try c.read(UInt32.self, what))
                case .int32: Int64(try c.read(Int32.self, what))
                default: try c.read(Int64.self, what)
                }
                a.append(v)
            }
            return .integers(elem, a)
        case .uint64:
            var a: [Int64] = []
            a.reserveCapacity(n)
            for _ in 0 ..< n {
                let at = c.position
                let v = try c.read(UInt64.self, what)
                guard v <= UInt64(Int64.max) else { throw c.error("array '\(key)' holds a u64 too large to represent", at: at) }
                a.append(Int64(v))
            }
            return .integers(.uint64, a)
        case .array:
            throw c.error("array '\(key)' contains arrays (nested arrays are not allowed)")
        }
    }

    private static func hex(_ v: UInt32) -> String {
        (0 ..< 4).map { i in
            let b = (v >> (8 * UInt32(i))) & 0xFF
            return (b < 16 ? "0" : "") + String(b, radix: 16)
        }.joined(separator: " ")
    }
}
