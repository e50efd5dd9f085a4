import Foundation

/// A 64-bit FNV-1a hash of bytes, for cache keys (not for security): the same bytes give the same hex string on
/// every platform.
struct ContentHash {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var h = value
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        value = h
    }

    mutating func add(_ text: String) {
        var copy = text
        copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// Adds a file's contents (memory-mapped); throws a one-line error when it cannot be read.
    mutating func add(fileAt url: URL) throws(EmbeddingError) {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .io("\(url.path): cannot read (\(error.localizedDescription))")
        }
        data.withUnsafeBytes { add($0) }
    }

    /// Sixteen lowercase hex digits.
    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
