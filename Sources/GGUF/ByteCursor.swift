/// A bounds-checked little-endian reader over raw bytes; every failure names the byte offset.
struct ByteCursor {
    let bytes: UnsafeRawBufferPointer
    let source: String
    private(set) var position: Int = 0

    init(bytes: UnsafeRawBufferPointer, source: String) {
        self.bytes = bytes
        self.source = source
    }

    var remaining: Int { bytes.count - position }

    func error(_ message: String, at offset: Int? = nil) -> GGUFError {
        GGUFError(path: source, offset: offset ?? position, message: message)
    }

    mutating func need(_ n: Int, _ what: String) throws(GGUFError) {
        guard n >= 0, n <= remaining else {
            throw error("file truncated: \(what) needs \(n) bytes, \(remaining) left")
        }
    }

    mutating func read<T: FixedWidthInteger>(_: T.Type, _ what: String) throws(GGUFError) -> T {
        try need(MemoryLayout<T>.size, what)
        let v = bytes.loadUnaligned(fromByteOffset: position, as: T.self)
        position += MemoryLayout<T>.size
        return T(littleEndian: v)
    }

    mutating func readFloat(_ what: String) throws(GGUFError) -> Float {
        Float(bitPattern: try read(UInt32.self, what))
    }

    mutating func readDouble(_ what: String) throws(GGUFError) -> Double {
        Double(bitPattern: try read(UInt64.self, what))
    }

    /// A count stored as u64 that must fit the remaining bytes when each element takes at least `minElementSize`.
    mutating func readCount(_ what: String, minElementSize: Int, limit: UInt64) throws(GGUFError) -> Int {
        let start = position
        let raw = try read(UInt64.self, what)
        guard raw <= limit else { throw error("\(what) \(raw) is larger than the limit \(limit)", at: start) }
        let n = Int(raw)
        let (need, overflow) = n.multipliedReportingOverflow(by: minElementSize)
        guard !overflow, need <= remaining else {
            throw error("\(what) \(raw) does not fit in the \(remaining) bytes left", at: start)
        }
        return n
    }

    mutating func readString(_ what: String) throws(GGUFError) -> String {
        let start = position
        let n = try readCount("\(what) length", minElementSize: 1, limit: 1 << 30)
        let slice = UnsafeRawBufferPointer(rebasing: bytes[position ..< position + n])
        guard let s = String(validating: slice, as: UTF8.self) else {
            throw error("\(what) is not valid UTF-8", at: start)
        }
        position += n
        return s
    }

    mutating func skip(_ n: Int, _ what: String) throws(GGUFError) {
        try need(n, what)
        position += n
    }
}
