#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parsing of decimal numbers from raw text bytes for the text readers.
enum FloatParsing {
    /// The `Float` spelled by `count` bytes at `start` (C `strtof` syntax: optional sign, digits, point,
    /// exponent), nil when the token is not entirely a number or is not finite.
    static func float(_ start: UnsafePointer<UInt8>, count: Int) -> Float? {
        guard count > 0, count < 64 else { return count >= 64 ? slowFloat(start, count: count) : nil }
        // strtof skips leading white space and accepts hex, inf and nan: refuse those forms up front.
        let first = start[0]
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
            || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Float? in
            let b = buffer.baseAddress!
            for i in 0 ..< count {
                let c = start[i]
                if c == UInt8(ascii: "x") || c == UInt8(ascii: "X") || c == UInt8(ascii: "n") || c == UInt8(ascii: "N")
                    || c == UInt8(ascii: "i") || c == UInt8(ascii: "I") { return nil }
                b[i] = CChar(bitPattern: c)
            }
            b[count] = 0
            var end: UnsafeMutablePointer<CChar>?
            let v = strtof(b, &end)
            guard let end, end == b + count, v.isFinite else { return nil }
            return v
        }
    }

    private static func slowFloat(_ start: UnsafePointer<UInt8>, count: Int) -> Float? {
        let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        guard let v = Float(text), v.isFinite else { return nil }
        return v
    }

    /// A non-negative decimal integer spelled by the bytes, nil otherwise (or on overflow).
    static func integer(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var v = 0
        for c in bytes {
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            v = v * 10 + Int(c - UInt8(ascii: "0"))
        }
        return v
    }
}
