import Foundation

/// Builds safetensors bytes by hand (header length, JSON text, data) so that tests can make valid and broken
/// files without the reader's help.
struct SafetensorsFixture {
    var header: String
    var data: [UInt8]
    /// Overrides the 8-byte length field (default: the header's UTF-8 length).
    var declaredLength: UInt64?

    var bytes: [UInt8] {
        let h = Array(header.utf8)
        let n = declaredLength ?? UInt64(h.count)
        return withUnsafeBytes(of: n.littleEndian) { Array($0) } + h + data
    }

    static func f32(_ values: [Float]) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) } }
    }

    static func u16(_ values: [UInt16]) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    }

    static func i64(_ values: [Int64]) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    }

    /// A valid file: F32 [2,3], F16 [2], BF16 [2], I64 [3], an F32 scalar and an empty tensor, metadata, and a
    /// header padded with spaces.
    static var valid: SafetensorsFixture {
        let a = f32([1, 2, 3, 4, 5, 6])          // 24 bytes at 0
        let h = u16([0x3C00, 0xC100])             // f16 1.0, -2.5: 4 bytes at 24
        let b = u16([0x3F80, 0xC020])             // bf16 1.0, -2.5: 4 bytes at 28
        let i = i64([0, -7, 1 << 40])             // 24 bytes at 32
        let s = f32([0.25])                        // 4 bytes at 56
        let header = """
        {"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},\
        "h":{"dtype":"F16","shape":[2],"data_offsets":[24,28]},"b":{"dtype":"BF16","shape":[2],"data_offsets":[28,32]},\
        "i":{"dtype":"I64","shape":[3],"data_offsets":[32,56]},"s":{"dtype":"F32","shape":[],"data_offsets":[56,60]},\
        "e":{"dtype":"F32","shape":[0,4],"data_offsets":[60,60]}}
        """ + "    "
        return SafetensorsFixture(header: header, data: a + h + b + i + s)
    }
}
