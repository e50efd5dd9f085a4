/// The GPT-2 byte ⇄ printable-character map used by byte-level BPE vocabularies.
///
/// Bytes 0x21–0x7E, 0xA1–0xAC and 0xAE–0xFF stand for the code point of the same value; the other 68 bytes
/// map, in increasing byte order, to U+0100, U+0101, … (so space 0x20 is `Ġ` U+0120 and `\n` is `Ċ` U+010A).
public enum ByteLevelEncoding {
    /// `scalarForByte[b]` is the code point that represents byte `b` in vocabulary strings.
    public static let scalarForByte: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 256)
        var next: UInt32 = 256
        for byte in 0..<256 {
            if (0x21...0x7E).contains(byte) || (0xA1...0xAC).contains(byte) || (0xAE...0xFF).contains(byte) {
                table[byte] = UInt32(byte)
            } else {
                table[byte] = next
                next += 1
            }
        }
        return table
    }()

    /// The byte a vocabulary code point stands for, or `nil` when `scalar` is not in the map.
    public static func byte(for scalar: UInt32) -> UInt8? {
        if scalar < 256 {
            let mapped = scalarForByte[Int(scalar)]
            return mapped == scalar ? UInt8(scalar) : nil
        }
        if scalar < 256 + 68 {
            return byteForShiftedScalar[Int(scalar - 256)]
        }
        return nil
    }

    private static let byteForShiftedScalar: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 68)
        for byte in 0..<256 where scalarForByte[byte] >= 256 {
            table[Int(scalarForByte[byte] - 256)] = UInt8(byte)
        }
        return table
    }()

    /// The vocabulary-string form of raw bytes (each byte becomes one character).
    public static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if let scalar = Unicode.Scalar(scalarForByte[Int(byte)]) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// The raw bytes behind a vocabulary string. Characters outside the map contribute their own UTF-8 bytes.
    public static func decode(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let byte = byte(for: scalar.value) {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        return bytes
    }
}
