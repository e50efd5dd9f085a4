/// Byte-fallback token names `<0xXX>`.
enum ByteToken {
    /// The byte named by `<0xXX>` (hex digits in either case), or `nil`.
    static func value(_ text: String) -> UInt8? {
        let u = Array(text.utf8)
        guard u.count == 6, u[0] == 0x3C, u[1] == 0x30, u[2] == 0x78, u[5] == 0x3E,
            let hi = hexDigit(u[3]), let lo = hexDigit(u[4])
        else { return nil }
        return hi << 4 | lo
    }

    /// `<0xXX>` with upper-case hex digits.
    static func name(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [0x3C, 0x30, 0x78, digits[Int(byte >> 4)], digits[Int(byte & 15)], 0x3E], as: UTF8.self)
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
