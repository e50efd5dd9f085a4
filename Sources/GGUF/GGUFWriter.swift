/// Builds GGUF files in memory: used by tests to make tiny models and by tools that write GGUF.
///
/// Tensors are laid out in the order they are added, each padded to the alignment, as the reference writer does.
public struct GGUFWriter: Sendable {
    public var metadata = GGUFMetadata()
    public var version: UInt32 = 3
    private var tensorEntries: [(name: String, dimensions: [Int], type: GGMLType, data: [UInt8])] = []

    public init() {}

    public var alignment: Int { metadata["general.alignment"]?.intValue ?? 32 }

    /// Adds a tensor whose `data` is already encoded in `type` (row-major, `dimensions` innermost first).
    public mutating func addTensor(_ name: String, dimensions: [Int], type: GGMLType, data: [UInt8]) {
        tensorEntries.append((name, dimensions, type, data))
    }

    /// Adds an F32 tensor.
    public mutating func addTensor(_ name: String, dimensions: [Int], values: [Float]) {
        var data = [UInt8]()
        data.reserveCapacity(values.count * 4)
        for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        addTensor(name, dimensions: dimensions, type: .f32, data: data)
    }

    /// The encoded file.
    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func str(_ s: String) { u64(UInt64(s.utf8.count)); out.append(contentsOf: s.utf8) }
        func pad(_ a: Int) { while out.count % a != 0 { out.append(0) } }

        out.append(contentsOf: Array("GGUF".utf8))
        u32(version)
        u64(UInt64(tensorEntries.count))
        u64(UInt64(metadata.count))
        for key in metadata.keys {
            guard let value = metadata[key] else { continue }
            str(key)
            u32(value.type.rawValue)
            writeValue(value, into: &out)
        }
        let a = alignment
        var offset = 0
        for t in tensorEntries {
            str(t.name)
            u32(UInt32(t.dimensions.count))
            for d in t.dimensions { u64(UInt64(d)) }
            u32(t.type.rawValue)
            u64(UInt64(offset))
            offset += t.data.count
            offset += (a - offset % a) % a
        }
        pad(a)
        for t in tensorEntries {
            out.append(contentsOf: t.data)
            pad(a)
        }
        return out
    }

    private func writeValue(_ value: GGUFValue, into out: inout [UInt8]) {
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func str(_ s: String) { put(UInt64(s.utf8.count)); out.append(contentsOf: s.utf8) }
        switch value {
        case .uint8(let v): put(v)
        case .int8(let v): put(v)
        case .uint16(let v): put(v)
        case .int16(let v): put(v)
        case .uint32(let v): put(v)
        case .int32(let v): put(v)
        case .float32(let v): put(v.bitPattern)
        case .bool(let v): put(UInt8(v ? 1 : 0))
        case .string(let s): str(s)
        case .uint64(let v): put(v)
        case .int64(let v): put(v)
        case .float64(let v): put(v.bitPattern)
        case .array(let a):
            put(a.elementType.rawValue)
            put(UInt64(a.count))
            switch a {
            case .strings(let xs): for s in xs { str(s) }
            case .floats(let xs): for x in xs { put(x.bitPattern) }
            case .doubles(let xs): for x in xs { put(x.bitPattern) }
            case .bools(let xs): for x in xs { put(UInt8(x ? 1 : 0)) }
            case .integers(let t, let xs):
                for x in xs {
                    switch t {
                    case .uint8: put(UInt8(truncatingIfNeeded: x))
                    case .int8: put(Int8(truncatingIfNeeded: x))
                    case .uint16: put(UInt16(truncatingIfNeeded: x))
                    case .int16: put(Int16(truncatingIfNeeded: x))
                    case .uint32: put(UInt32(truncatingIfNeeded: x))
                    case .int32: put(Int32(truncatingIfNeeded: x))
                    case .uint64: put(UInt64(bitPattern: x))
                    default: put(x)
                    }
                }
            }
        }
    }
}
