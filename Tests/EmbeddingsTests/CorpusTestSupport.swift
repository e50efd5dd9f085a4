import CZlib
import Foundation

/// Fixture helpers for the corpus tests: temporary folders and zlib/gzip compression through the system zlib.
enum CorpusTestSupport {
    static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A zlib stream (windowBits 15) or, with `gzip`, a gzip member (windowBits 31).
    static func compress(_ bytes: [UInt8], gzip: Bool = false) -> [UInt8] {
        var stream = z_stream()
        let initRC = deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, gzip ? 31 : 15, 8, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard initRC == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = UInt32(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = UInt32(outBuf.count)
                let rc = deflate(&stream, Z_FINISH)
                return rc == Z_STREAM_END ? outBuf.count - Int(stream.avail_out) : -1
            }
        }
        return produced < 0 ? [] : Array(output[0 ..< produced])
    }

    static func le32(_ v: Int) -> [UInt8] { (0 ..< 4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
    static func be32(_ v: Int) -> [UInt8] { (0 ..< 4).reversed().map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    /// dictd base64 number (digits A–Z a–z 0–9 + /, most significant first).
    static func dictdNumber(_ v: Int) -> String {
        let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        if v == 0 { return "A" }
        var out: [Character] = []
        var x = v
        while x > 0 { out.append(digits[x % 64]); x /= 64 }
        return String(out.reversed())
    }

    static func write(_ bytes: [UInt8], to url: URL) throws {
        try Data(bytes).write(to: url)
    }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }
}
