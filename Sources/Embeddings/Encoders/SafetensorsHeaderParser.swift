import Foundation

/// A JSON value read from a safetensors header, with the absolute file offset where it starts.
struct HeaderValue {
    enum Kind {
        /// Members in file order (keys are unique: the parser rejects duplicates).
        case object([(key: String, keyOffset: Int, value: HeaderValue)])
        case array([HeaderValue])
        case string(String)
        /// A number written without fraction or exponent that fits in `Int`.
        case integer(Int)
        /// Any other number.
        case number
        case bool(Bool)
        case null
    }

    let offset: Int
    let kind: Kind

    var typeName: String {
        switch kind {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .integer, .number: "a number"
        case .bool: "a boolean"
        case .null: "null"
        }
    }
}

/// A strict JSON parser for safetensors headers (RFC 8259; duplicate keys rejected, nesting bounded), whose
/// errors give the absolute byte offset in the file.
struct SafetensorsHeaderParser {
    private let bytes: [UInt8]
    /// File offset of `bytes[0]`.
    private let base: Int
    private let path: String
    private var i = 0
    private static let maxDepth = 64

    init(bytes: [UInt8], fileOffset: Int, path: String) {
        self.bytes = bytes
        self.base = fileOffset
        self.path = path
    }

    /// Parses the whole buffer as one JSON value followed only by whitespace.
    mutating func parseDocument() throws(SafetensorsError) -> HeaderValue {
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if i < bytes.count { throw fail("unexpected '\(describe(bytes[i]))' after the header's JSON object") }
        return value
    }

    private func fail(_ reason: String, at position: Int? = nil) -> SafetensorsError {
        SafetensorsError(path: path, offset: base + (position ?? i), reason: "header JSON: \(reason)")
    }

    private func describe(_ b: UInt8) -> String {
        (0x21 ... 0x7E).contains(b) ? String(UnicodeScalar(b)) : String(format: "\\x%02X", b)
    }

    private mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func parseValue(depth: Int) throws(SafetensorsError) -> HeaderValue {
        guard depth <= Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
        guard i < bytes.count else { throw fail("unexpected end of the header") }
        let start = i
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return HeaderValue(offset: base + start, kind: .string(try parseString()))
        case UInt8(ascii: "t"): try expectLiteral("true"); return HeaderValue(offset: base + start, kind: .bool(true))
        case UInt8(ascii: "f"): try expectLiteral("false"); return HeaderValue(offset: base + start, kind: .bool(false))
        case UInt8(ascii: "n"): try expectLiteral("null"); return HeaderValue(offset: base + start, kind: .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return try parseNumber()
        default: throw fail("unexpected '\(describe(bytes[i]))'")
        }
    }

    private mutating func expectLiteral(_ word: String) throws(SafetensorsError) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i ..< i + w.count]) == w else {
            throw fail("invalid literal (expected \(word))")
        }
        i += w.count
    }

    private mutating func parseObject(depth: Int) throws(SafetensorsError) -> HeaderValue {
        let start = i
        i += 1
        var members: [(key: String, keyOffset: Int, value: HeaderValue)] = []
        var seen = Set<String>()
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return HeaderValue(offset: base + start, kind: .object(members))
        }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
            let keyOffset = i
            let key = try parseString()
            guard seen.insert(key).inserted else { throw fail("duplicate key \"\(key)\"", at: keyOffset) }
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':' after a key") }
            i += 1
            skipWhitespace()
            let value = try parseValue(depth: depth + 1)
            members.append((key, base + keyOffset, value))
            skipWhitespace()
            guard i < bytes.count else { throw fail("unterminated object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            throw fail("expected ',' or '}' in an object")
        }
        return HeaderValue(offset: base + start, kind: .object(members))
    }

    private mutating func parseArray(depth: Int) throws(SafetensorsError) -> HeaderValue {
        let start = i
        i += 1
        var items: [HeaderValue] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return HeaderValue(offset: base + start, kind: .array(items))
        }
        while true {
            skipWhitespace()
            items.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard i < bytes.count else { throw fail("unterminated array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; break }
            throw fail("expected ',' or ']' in an array")
        }
        return HeaderValue(offset: base + start, kind: .array(items))
    }

    private mutating func parseNumber() throws(SafetensorsError) -> HeaderValue {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        let digitsStart = i
        while i < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
        guard i > digitsStart else { throw fail("invalid number", at: start) }
        if bytes[digitsStart] == UInt8(ascii: "0"), i - digitsStart > 1 { throw fail("number with a leading zero", at: start) }
        var integral = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            let f = i
            while i < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            guard i > f else { throw fail("invalid number", at: start) }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            integral = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let e = i
            while i < bytes.count, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            guard i > e else { throw fail("invalid number", at: start) }
        }
        if integral, let n = Int(String(decoding: bytes[start ..< i], as: UTF8.self)) {
            return HeaderValue(offset: base + start, kind: .integer(n))
        }
        return HeaderValue(offset: base + start, kind: .number)
    }

    private mutating func parseString() throws(SafetensorsError) -> String {
        let start = i
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw fail("unterminated string", at: start) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; break }
            if b < 0x20 { throw fail("control character in a string") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { throw fail("unterminated string", at: start) }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800 ..< 0xDC00).contains(code) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw fail("unpaired surrogate escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00 ..< 0xE000).contains(low) else { throw fail("unpaired surrogate escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00 ..< 0xE000).contains(code) {
                    throw fail("unpaired surrogate escape")
                }
                guard let scalar = Unicode.Scalar(code) else { throw fail("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw fail("invalid escape '\\\(describe(e))'", at: i - 2)
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw fail("string is not valid UTF-8", at: start) }
        return s
    }

    private mutating func hex4() throws(SafetensorsError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("truncated \\u escape") }
        var v: UInt32 = 0
        for k in 0 ..< 4 {
            let c = bytes[i + k]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A") ... UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail("invalid \\u escape", at: i + k)
            }
            v = v << 4 | d
        }
        i += 4
        return v
    }
}
