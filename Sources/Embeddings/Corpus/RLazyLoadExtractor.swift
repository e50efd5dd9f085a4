import Foundation

/// Text of an R lazy-load database (`Rdata.rdb`, e.g. janeaustenr's six novels).
///
/// The file is a run of records, each a 4-byte big-endian length (of the uncompressed data) followed by a zlib
/// stream holding one object in R's XDR serialisation (`X\n`, format version, R versions, for version 3 the
/// native encoding, then the object). Objects that are character vectors (STRSXP, type 16) are read element by
/// element: each CHARSXP (type 9) is a flags word, a big-endian length (−1 = NA) and the bytes. Other objects are
/// scanned for CHARSXP items (flags with type 9 followed by a plausible length). Each string is one line of a
/// novel; consecutive non-empty strings form a paragraph, which becomes one corpus line.
enum RLazyLoadExtractor {
    static func segments(database url: URL) throws(EmbeddingError) -> [String] {
        let data = try CorpusFileReader.bytes(url)
        var out: [String] = []
        for (record, offset) in try records(data, label: url.path) {
            let strings = try characterStrings(record, label: "\(url.path) record at byte \(offset)")
            var paragraph: [String] = []
            for s in strings {
                if s.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    if !paragraph.isEmpty { out.append(paragraph.joined(separator: " ")); paragraph.removeAll() }
                } else {
                    paragraph.append(s)
                }
            }
            if !paragraph.isEmpty { out.append(paragraph.joined(separator: " ")) }
        }
        return out
    }

    /// The decompressed records with their byte offsets in the file.
    static func records(_ data: [UInt8], label: String) throws(EmbeddingError) -> [([UInt8], Int)] {
        var out: [([UInt8], Int)] = []
        var position = 0
        while position < data.count {
            guard data.count - position >= 5 else {
                throw .malformed("\(label): truncated record header at byte \(position)")
            }
            let length = Int(readBE32(data, position))
            let (bytes, used) = try ZlibDecoder.inflate(data, from: position + 4, windowBits: ZlibDecoder.zlibOnly,
                                                        sizeHint: min(length, 1 << 28), label: label)
            guard bytes.count == length else {
                throw .malformed("\(label): record at byte \(position) holds \(bytes.count) bytes, its header says \(length)")
            }
            out.append((bytes, position))
            position += 4 + used
        }
        return out
    }

    /// The strings of one serialised object.
    static func characterStrings(_ b: [UInt8], label: String) throws(EmbeddingError) -> [String] {
        guard b.count >= 14, b[0] == UInt8(ascii: "X"), b[1] == 0x0A else {
            throw .malformed("\(label): not an R XDR serialisation (expected 'X\\n' at byte 0)")
        }
        let version = readBE32(b, 2)
        var p = 14
        if version == 3 {
            guard b.count >= p + 4 else { throw .malformed("\(label): truncated header at byte \(p)") }
            let nameLength = Int(readBE32(b, p))
            p += 4 + nameLength
        }
        guard b.count >= p + 8 else { throw .malformed("\(label): truncated object header at byte \(p)") }
        if readBE32(b, p) & 0xFF == 16 {
            return try stringVector(b, at: p + 4, label: label)
        }
        return scanStrings(b, from: p)
    }

    private static func stringVector(_ b: [UInt8], at start: Int, label: String) throws(EmbeddingError) -> [String] {
        var p = start
        var count = Int(Int32(bitPattern: readBE32(b, p)))
        p += 4
        if count == -1 {  // long vector: two more words
            guard b.count >= p + 8 else { throw .malformed("\(label): truncated long-vector length at byte \(p)") }
            count = Int(readBE32(b, p)) << 32 | Int(readBE32(b, p + 4))
            p += 8
        }
        guard count >= 0 else { throw .malformed("\(label): negative vector length at byte \(start)") }
        var out: [String] = []
        out.reserveCapacity(min(count, 1 << 20))
        for i in 0 ..< count {
            guard b.count >= p + 8 else { throw .malformed("\(label): string \(i) truncated at byte \(p)") }
            guard readBE32(b, p) & 0xFF == 9 else {
                throw .malformed("\(label): element \(i) at byte \(p) is not a CHARSXP (flags \(readBE32(b, p)))")
            }
            let length = Int(Int32(bitPattern: readBE32(b, p + 4)))
            p += 8
            if length < 0 { out.append(""); continue }  // NA_character_
            guard b.count - p >= length else { throw .malformed("\(label): string \(i) at byte \(p) runs past the end") }
            out.append(String(decoding: b[p ..< p + length], as: UTF8.self))
            p += length
        }
        return out
    }

    /// Fallback for other objects: every CHARSXP found by its flags pattern.
    private static func scanStrings(_ b: [UInt8], from start: Int) -> [String] {
        var out: [String] = []
        var p = start
        while p + 8 <= b.count {
            if b[p] == 0, b[p + 3] == 9, b[p + 1] < 0x10 {
                let length = Int(Int32(bitPattern: readBE32(b, p + 4)))
                if length >= 0 && length <= b.count - p - 8 {
                    let bytes = b[p + 8 ..< p + 8 + length]
                    if !bytes.contains(0) {
                        out.append(String(decoding: bytes, as: UTF8.self))
                        p += 8 + length
                        continue
                    }
                }
            }
            p += 1
        }
        return out
    }

    private static func readBE32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }
}
