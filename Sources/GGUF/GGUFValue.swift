/// The on-disk type of a GGUF metadata value (`gguf_type`).
public enum GGUFValueType: UInt32, Sendable, CaseIterable {
    case uint8 = 0, int8 = 1, uint16 = 2, int16 = 3, uint32 = 4, int32 = 5, float32 = 6, bool = 7
    case string = 8, array = 9, uint64 = 10, int64 = 11, float64 = 12

    /// Fixed size in bytes, nil for strings and arrays.
    var fixedSize: Int? {
        switch self {
        case .uint8, .int8, .bool: 1
        case .uint16, .int16: 2
        case .uint32, .int32, .float32: 4
        case .uint64, .int64, .float64: 8
        case .string, .array: nil
        }
    }
}

/// A GGUF metadata value.
///
/// Arrays keep their element type so that a file can be written back unchanged; large numeric arrays
/// (token scores, token types) are stored compactly.
public enum GGUFValue: Sendable, Equatable {
    case uint8(UInt8), int8(Int8), uint16(UInt16), int16(Int16), uint32(UInt32), int32(Int32)
    case float32(Float), bool(Bool), string(String), uint64(UInt64), int64(Int64), float64(Double)
    case array(GGUFArray)

    public var type: GGUFValueType {
        switch self {
        case .uint8: .uint8
        case .int8: .int8
        case .uint16: .uint16
        case .int16: .int16
        case .uint32: .uint32
        case .int32: .int32
        case .float32: .float32
        case .bool: .bool
        case .string: .string
        case .uint64: .uint64
        case .int64: .int64
        case .float64: .float64
        case .array: .array
        }
    }

    /// Any integer value as `Int` (files disagree on u32 vs u64 for counts), nil otherwise or if out of range.
    public var intValue: Int? {
        switch self {
        case .uint8(let v): Int(v)
        case .int8(let v): Int(v)
        case .uint16(let v): Int(v)
        case .int16(let v): Int(v)
        case .uint32(let v): Int(v)
        case .int32(let v): Int(v)
        case .uint64(let v): Int(exactly: v)
        case .int64(let v): Int(v)
        default: nil
        }
    }

    /// Any numeric value as `Double`.
    public var doubleValue: Double? {
        switch self {
        case .float32(let v): Double(v)
        case .float64(let v): v
        default: intValue.map(Double.init)
        }
    }

    public var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var arrayValue: GGUFArray? { if case .array(let a) = self { a } else { nil } }
}

/// A homogeneous GGUF array.
public enum GGUFArray: Sendable, Equatable {
    case strings([String])
    case floats([Float])
    case doubles([Double])
    case bools([Bool])
    /// Integers of the given element type, widened to Int64 (u64 values above Int64.max are rejected at read).
    case integers(GGUFValueType, [Int64])

    public var elementType: GGUFValueType {
        switch self {
        case .strings: .string
        case .floats: .float32
        case .doubles: .float64
        case .bools: .bool
        case .integers(let t, _): t
        }
    }

    public var count: Int {
        switch self {
        case .strings(let a): a.count
        case .floats(let a): a.count
        case .doubles(let a): a.count
        case .bools(let a): a.count
        case .integers(_, let a): a.count
        }
    }
}
