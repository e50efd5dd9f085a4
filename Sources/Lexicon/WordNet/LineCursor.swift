import Foundation

/// Reads space-separated fields from one line of a WordNet file held in memory, producing one-line errors that
/// name the file and line.
struct LineCursor {
    let base: UnsafePointer<UInt8>
    /// Current position (absolute byte offset in the file).
    var position: Int
    /// End of the line (exclusive; a `\r` before the `\n` is already excluded).
    let end: Int
    let path: String
    let line: Int

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    @inline(__always) mutating func skipSpaces() {
        while position < end && LineCursor.isSpace(base[position]) { position += 1 }
    }

    /// The next field, or nil at the end of the line.
    @inline(__always) mutating func field() -> Range<Int>? {
        skipSpaces()
        let start = position
        while position < end && !LineCursor.isSpace(base[position]) { position += 1 }
        return start < position ? start ..< position : nil
    }

    var atEnd: Bool {
        mutating get {
            skipSpaces()
            return position >= end
        }
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
    }

    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }

    func error(_ reason: String) -> LexiconError {
        .malformed(file: path, line: line, reason: reason)
    }

    /// The next field, or an error saying which field was missing.
    mutating func require(_ what: @autoclosure () -> String) throws(LexiconError) -> Range<Int> {
        guard let r = field() else { throw error("line ends where \(what()) was expected") }
        return r
    }

    /// The next field as a decimal number.
    mutating func decimal(_ what: @autoclosure () -> String, max: Int = Int(Int32.max)) throws(LexiconError) -> Int {
        let r = try require(what())
        guard r.count <= 10 else { throw error("\(what()) \(quoted(text(r))) is not a decimal number") }
        var value = 0
        for i in r {
            let d = base[i] &- 0x30
            guard d < 10 else { throw error("\(what()) \(quoted(text(r))) is not a decimal number") }
            value = value * 10 + Int(d)
        }
        guard value <= max else { throw error("\(what()) \(value) is larger than \(max)") }
        return value
    }

    /// The next field as a hexadecimal number of at most `digits` digits.
    mutating func hex(_ what: @autoclosure () -> String, digits: Int) throws(LexiconError) -> Int {
        let r = try require(what())
        guard r.count <= digits else { throw error("\(what()) \(quoted(text(r))) has more than \(digits) hexadecimal digits") }
        guard let v = LineCursor.hexValue(bytes(r)) else {
            throw error("\(what()) \(quoted(text(r))) is not a hexadecimal number")
        }
        return v
    }

    static func hexValue(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !b.isEmpty else { return nil }
        var value = 0
        for c in b {
            let d: UInt8
            switch c {
            case 0x30 ... 0x39: d = c - 0x30
            case 0x61 ... 0x66: d = c - 0x61 + 10
            case 0x41 ... 0x46: d = c - 0x41 + 10
            default: return nil
            }
            value = value * 16 + Int(d)
        }
        return value
    }
}

/// Calls `body` once per line of `bytes` with the line's number (1-based), start and end (exclusive, without the
/// `\n` or a `\r` before it).
@inline(__always)
func forEachLine(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (_ number: Int, _ start: Int, _ end: Int) throws(LexiconError) -> Void
) throws(LexiconError) {
    let count = bytes.count
    guard let base = bytes.baseAddress else { return }
    var start = 0
    var number = 0
    while start < count {
        number += 1
        let remaining = count - start
        let end: Int
        if let nl = memchr(base + start, 0x0A, remaining) {
            end = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
        } else {
            end = count
        }
        var stop = end
        if stop > start && base[stop - 1] == 0x0D { stop -= 1 }
        try body(number, start, stop)
        start = end + 1
    }
}
